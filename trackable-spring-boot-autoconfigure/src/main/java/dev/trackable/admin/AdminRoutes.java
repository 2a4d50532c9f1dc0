package dev.trackable.admin;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The admin's routes under its path: the page, its script, style and chart library, and the JSON endpoints the
 * page reads. The page is one static document that renders every view from the JSON with DOM text nodes, so
 * nothing from the database is ever parsed as HTML.
 */
final class AdminRoutes {

	private static final String STATIC = "dev/trackable/admin/";

	private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private AdminRoutes() {
	}

	/**
	 * Builds the routes.
	 * @param path the admin's path, e.g. {@code /trackable/admin}
	 * @param api the JSON endpoints
	 * @param chartJs the chart library's UMD bundle
	 * @return the routes
	 */
	static RouterFunction<ServerResponse> of(String path, AdminApi api, Resource chartJs) {
		String base = normalize(path);
		return RouterFunctions.route()
			.GET(base, (request) -> redirectToPage(request, base))
			.GET(base + "/", (request) -> file("index.html", MediaType.TEXT_HTML))
			.GET(base + "/admin.js", (request) -> file("admin.js", JAVASCRIPT))
			.GET(base + "/admin.css", (request) -> file("admin.css", MediaType.parseMediaType("text/css")))
			.GET(base + "/chart.umd.min.js", (request) -> ServerResponse.ok().contentType(JAVASCRIPT).body(chartJs))
			.GET(base + "/api/datasets", api::datasets)
			.GET(base + "/api/datasets/{dataset}/rows", api::rows)
			.GET(base + "/api/datasets/{dataset}/parent", api::parent)
			.GET(base + "/api/datasets/{dataset}/top", api::top)
			.onError(AdminApi.UnknownDatasetException.class, (ex, request) -> error(HttpStatus.NOT_FOUND, ex))
			.onError(IllegalArgumentException.class, (ex, request) -> error(HttpStatus.BAD_REQUEST, ex))
			.build();
	}

	/**
	 * Returns the path without a trailing slash.
	 * @param path a configured path
	 * @return the path the routes start with
	 * @throws IllegalArgumentException if it does not start with a slash or is the root
	 */
	static String normalize(String path) {
		String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		if (!base.startsWith("/") || base.isEmpty() || base.contains("*") || base.contains("{")) {
			throw new IllegalArgumentException(
					"trackable.admin.path must be a path below the root such as /trackable/admin, was '" + path + "'");
		}
		return base;
	}

	/** The page's relative links need the trailing slash. */
	private static ServerResponse redirectToPage(ServerRequest request, String base) {
		HttpServletRequest servletRequest = request.servletRequest();
		String query = servletRequest.getQueryString();
		URI location = URI.create(servletRequest.getContextPath() + base + "/" + ((query != null) ? "?" + query : ""));
		return ServerResponse.status(HttpStatus.FOUND).location(location).build();
	}

	private static ServerResponse file(String name, MediaType type) {
		return ServerResponse.ok().contentType(type).body(new ClassPathResource(STATIC + name));
	}

	private static ServerResponse error(HttpStatus status, Throwable ex) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", String.valueOf(ex.getMessage())));
	}

}
