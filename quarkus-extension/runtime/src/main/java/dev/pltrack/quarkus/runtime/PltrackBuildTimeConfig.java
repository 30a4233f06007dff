package dev.pltrack.quarkus.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code promptlayer.build.*}: what the build checks about {@code @TrackMetadata} and how it registers
 * pltrack's health check. Fixed at build time; known at run time too (so that an application that sets
 * them in application.properties starts: the run-time mapping of {@code promptlayer.*} would otherwise
 * report them as unknown).
 */
@ConfigMapping(prefix = "promptlayer.build")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface PltrackBuildTimeConfig {

    /**
     * Whether a warning about how a method uses the annotations fails the build, as errors always do.
     * Off by default: a warning is something that may be right (a method whose signature offers no
     * request id is tracked when a {@code TrackingContext} supplies one at run time). Turn it on for
     * applications that never use the context for request ids.
     */
    @WithDefault("false")
    boolean failOnWarnings();

    /**
     * Whether pltrack's health check ({@code promptlayer}) is a readiness check, so that a refused API
     * key or a nearly full delivery queue takes the application out of rotation. Off by default: it is
     * a wellness check ({@code /q/health/well}), because an observability side channel failing should
     * not stop an orchestrator from sending the application traffic.
     */
    @WithDefault("false")
    boolean readinessCheck();
}
