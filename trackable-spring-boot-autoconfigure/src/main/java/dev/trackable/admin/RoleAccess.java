package dev.trackable.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Serves the admin to users with a role. Reads the user through the Servlet API, which Spring Security's filter
 * chain backs with its security context, so whatever chain the application has (form login, HTTP Basic, a session
 * from elsewhere) signs users in, and the role holds even where that chain lets the admin path through.
 */
final class RoleAccess implements AdminAccess {

	private final String role;

	RoleAccess(String role) {
		this.role = role;
	}

	@Override
	public @Nullable HttpStatus refusal(HttpServletRequest request) {
		if (request.getUserPrincipal() == null) {
			return HttpStatus.UNAUTHORIZED;
		}
		return request.isUserInRole(this.role) ? null : HttpStatus.FORBIDDEN;
	}

}
