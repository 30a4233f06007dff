package dev.pltrack.examples.spring;

import dev.pltrack.TrackingContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller's {@code X-Tenant} header in the tracking context for the whole request, so every
 * track made while serving it carries {@code tenant}, without any method naming it.
 */
@Component
public class TenantFilter extends OncePerRequestFilter {

    @Override
    @SuppressWarnings("try") // the scope is opened for its effect on this thread
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tenant = request.getHeader("X-Tenant");
        if (tenant == null || tenant.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        try (TrackingContext.Scope scope = TrackingContext.current().with("tenant", tenant).open()) {
            chain.doFilter(request, response);
        }
    }
}
