package dev.pltrack.spring.aop;

import dev.pltrack.tracking.TrackMetadataHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;

/**
 * Proxies every bean that has a {@code @TrackMetadata} method, interface-based (JDK proxy) or
 * class-based (CGLIB), without AspectJ and whether or not an auto-proxy creator is present.
 *
 * <p>The advisor is not a bean, so an auto-proxy creator cannot apply it a second time. It goes in
 * front of the advisors a bean already has, in particular Spring's {@code @Async} interceptor
 * (whose post-processor runs before this one): tracking then happens in the caller's thread and
 * sees the caller's {@link dev.pltrack.TrackingContext}.
 *
 * <p>An annotated method no proxy can reach (private or static) is reported to the core once all
 * singletons exist: logged once as the core logs misuse, and counted as {@code misused}.
 */
public class TrackMetadataBeanPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor
        implements SmartInitializingSingleton {

    private final ObjectProvider<TrackMetadataHandler> handler;
    private final Map<Method, Class<?>> unreachable = new ConcurrentHashMap<>();
    private volatile boolean singletonsReady;

    public TrackMetadataBeanPostProcessor(ObjectProvider<TrackMetadataHandler> handler) {
        this.handler = handler;
        this.advisor = new DefaultPointcutAdvisor(new TrackMetadataPointcut(), new TrackMetadataInterceptor(handler));
        setBeforeExistingAdvisors(true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> beanClass = ClassUtils.getUserClass(bean);
        for (Method method : UnreachableMethods.of(beanClass)) {
            unreachable.putIfAbsent(method, beanClass);
        }
        if (singletonsReady) {
            report(); // a lazy or prototype bean, created after start-up
        }
        return super.postProcessAfterInitialization(bean, beanName);
    }

    /** The handler exists by now; asking for it earlier would have created it too soon. */
    @Override
    public void afterSingletonsInstantiated() {
        singletonsReady = true;
        report();
    }

    private void report() {
        TrackMetadataHandler tracking = handler.getIfAvailable();
        if (tracking == null || unreachable.isEmpty()) {
            return;
        }
        unreachable.forEach(tracking::reportUnreachable);
        unreachable.clear();
    }
}
