package dev.pltrack.spring.aop;

import dev.pltrack.tracking.TrackMetadataHandler;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Proxies every bean that has a {@code @TrackMetadata} method, interface-based (JDK proxy) or
 * class-based (CGLIB), without AspectJ and whether or not an auto-proxy creator is present.
 *
 * <p>The advisor is not a bean, so an auto-proxy creator cannot apply it a second time. It goes in
 * front of the advisors a bean already has, in particular Spring's {@code @Async} interceptor
 * (whose post-processor runs before this one): tracking then happens in the caller's thread and
 * sees the caller's {@link dev.pltrack.TrackingContext}.
 */
public class TrackMetadataBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

    public TrackMetadataBeanPostProcessor(ObjectProvider<TrackMetadataHandler> handler) {
        this.advisor = new DefaultPointcutAdvisor(new TrackMetadataPointcut(), new TrackMetadataInterceptor(handler));
        setBeforeExistingAdvisors(true);
    }
}
