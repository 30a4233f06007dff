package dev.pltrack.testkit;

import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;

import java.util.List;

/**
 * Stops WireMock from loading the stub files it finds under {@code src/test/resources/mappings}: a
 * project that also uses WireMock directly must not change how the fake answers.
 */
final class NoMappings implements MappingsSource {

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {}

    @Override
    public void save(List<StubMapping> stubMappings) {}

    @Override
    public void save(StubMapping stubMapping) {}

    @Override
    @SuppressWarnings("removal") // WireMock still declares it abstract.
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
}
