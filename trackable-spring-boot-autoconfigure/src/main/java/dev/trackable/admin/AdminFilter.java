package dev.trackable.admin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses admin requests that {@link AdminAccess} does not allow, before any handler sees them, and gives the rest
 * headers that keep the page to its own scripts: the admin shows names that come from the application's data.
 */
final class AdminFilter extends OncePerRequestFilter {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private final AdminAccess access;

	AdminFilter(AdminAccess access) {
		this.access = access;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpStatus refusal = this.access.refusal(request);
		if (refusal != null) {
			response.sendError(refusal.value());
			return;
		}
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cache-Control", "no-store");
		chain.doFilter(request, response);
	}

}
