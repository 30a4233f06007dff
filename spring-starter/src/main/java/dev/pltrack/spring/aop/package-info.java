/**
 * {@code @TrackMetadata} for Spring beans: a pointcut with the core's annotation lookup, an
 * interceptor that delegates to {@link dev.pltrack.tracking.TrackMetadataHandler}, and the
 * post-processor that proxies the beans concerned.
 */
package dev.pltrack.spring.aop;
