package dev.trackable.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Decides who may see the admin. Trackable's default serves only loopback clients, or, when Spring Security is
 * present, only users with {@code trackable.admin.role}; declare a bean of this type to decide otherwise.
 */
@FunctionalInterface
public interface AdminAccess {

	/**
	 * Decides whether to serve a request for the admin.
	 * @param request a request for a page, script or JSON endpoint of the admin
	 * @return {@code null} to serve it, otherwise the status to refuse it with
	 */
	@Nullable HttpStatus refusal(HttpServletRequest request);

}
