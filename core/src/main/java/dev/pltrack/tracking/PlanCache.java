package dev.pltrack.tracking;

import dev.pltrack.tracking.TrackingProblem.Severity;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each annotated method analysed once ({@link MethodAnalyzer}) per class it is called on, its
 * problems logged once as the analysis is made.
 */
final class PlanCache {

    private static final Logger LOG = LoggerFactory.getLogger(TrackMetadataHandler.class);

    /** Identity of a cached plan: the method as intercepted and the class it was called on. */
    private record PlanKey(Method method, Class<?> targetClass) {
    }

    private final ConcurrentHashMap<PlanKey, MethodPlan> plans = new ConcurrentHashMap<>();
    private final TrackingConfig config;
    private final List<AsyncResultAdapter> adapters;

    PlanCache(TrackingConfig config, List<AsyncResultAdapter> adapters) {
        this.config = config;
        this.adapters = adapters;
    }

    MethodPlan plan(Method method, Class<?> targetClass) {
        PlanKey key = new PlanKey(method, targetClass);
        MethodPlan plan = plans.get(key);
        return plan != null ? plan : plans.computeIfAbsent(key, this::analyze);
    }

    /** A plan, and whether this lookup made the analysis. */
    record Lookup(MethodPlan plan, boolean analysedNow) {
    }

    Lookup lookUp(Method method, Class<?> targetClass) {
        boolean[] analysedNow = {false};
        MethodPlan plan = plans.computeIfAbsent(new PlanKey(method, targetClass), key -> {
            analysedNow[0] = true;
            return analyze(key);
        });
        return new Lookup(plan, analysedNow[0]);
    }

    private MethodPlan analyze(PlanKey key) {
        MethodPlan plan = MethodAnalyzer.analyze(key.method(), key.targetClass(), config, adapters);
        for (TrackingProblem problem : plan.problems()) {
            if (problem.severity() == Severity.ERROR) {
                LOG.error("{}; calls to it are not tracked", problem);
            } else {
                LOG.warn("{}", problem);
            }
        }
        return plan;
    }
}
