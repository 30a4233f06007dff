package dev.pltrack.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the build checks about {@code @TrackMetadata}; read at build time only. */
@ConfigMapping(prefix = "promptlayer.build")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface PltrackBuildTimeConfig {

    /**
     * Whether a warning about how a method uses the annotations fails the build, as errors always do.
     * Off by default: a warning is something that may be right (a method whose signature offers no
     * request id is tracked when a {@code TrackingContext} supplies one at run time). Turn it on for
     * applications that never use the context for request ids.
     */
    @WithDefault("false")
    boolean failOnWarnings();
}
