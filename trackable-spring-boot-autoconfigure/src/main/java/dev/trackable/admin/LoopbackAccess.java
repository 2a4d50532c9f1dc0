package dev.trackable.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Serves the admin to clients on this machine only, unless remote access is allowed. A request that carries
 * forwarding headers came through a proxy, which makes every client look local, so it counts as remote. The request
 * must also name a loopback host: a page from another site that a browser on this machine reaches through a DNS
 * name rebound to 127.0.0.1 names its own host, and is refused.
 */
final class LoopbackAccess implements AdminAccess {

	private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

	/** Only address literals are parsed: a host name would make the check depend on a DNS lookup. */
	private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

	private final boolean allowRemote;

	LoopbackAccess(boolean allowRemote) {
		this.allowRemote = allowRemote;
	}

	@Override
	public @Nullable HttpStatus refusal(HttpServletRequest request) {
		if (this.allowRemote || (isLoopback(request.getRemoteAddr()) && isLoopbackHost(request.getServerName())
				&& !isForwarded(request))) {
			return null;
		}
		return HttpStatus.FORBIDDEN;
	}

	private static boolean isLoopback(@Nullable String address) {
		if (address == null || !ADDRESS_LITERAL.matcher(address).matches()) {
			return false;
		}
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean isLoopbackHost(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			return true;
		}
		return isLoopback((name.startsWith("[") && name.endsWith("]")) ? name.substring(1, name.length() - 1) : name);
	}

	private static boolean isForwarded(HttpServletRequest request) {
		return FORWARDING_HEADERS.stream().anyMatch((header) -> request.getHeader(header) != null);
	}

}
