package dev.trackable.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class AdminAccessTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1" })
	void loopbackClientsAreServed(String address) {
		assertThat(new LoopbackAccess(false).refusal(from(address))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.7", "2001:db8::1", "localhost", "" })
	void otherClientsAreRefused(String address) {
		assertThat(new LoopbackAccess(false).refusal(from(address))).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Forwarded", "X-Forwarded-For", "X-Real-IP" })
	void aLoopbackRequestThatCameThroughAProxyIsRefused(String header) {
		MockHttpServletRequest request = from("127.0.0.1");
		request.addHeader(header, "203.0.113.7");

		assertThat(new LoopbackAccess(false).refusal(request)).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "admin.localhost", "127.0.0.1", "[::1]" })
	void loopbackHostNamesAreServed(String host) {
		MockHttpServletRequest request = from("127.0.0.1");
		request.setServerName(host);

		assertThat(new LoopbackAccess(false).refusal(request)).isNull();
	}

	@Test
	void aLoopbackRequestForAnotherHostIsRefusedAsAPageOfAnotherSiteRebindingItsName() {
		MockHttpServletRequest request = from("127.0.0.1");
		request.setServerName("evil.example");

		assertThat(new LoopbackAccess(false).refusal(request)).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void allowingRemoteAccessServesEveryone() {
		assertThat(new LoopbackAccess(true).refusal(from("203.0.113.7"))).isNull();
	}

	@Test
	void theRoleIsRequiredOfSignedInUsersAndAnonymousRequestsAreUnauthorized() {
		RoleAccess access = new RoleAccess("ADMIN");
		MockHttpServletRequest admin = from("203.0.113.7");
		admin.setUserPrincipal(() -> "ada");
		admin.addUserRole("ADMIN");
		MockHttpServletRequest user = from("127.0.0.1");
		user.setUserPrincipal(() -> "bob");
		user.addUserRole("USER");

		assertThat(access.refusal(admin)).isNull();
		assertThat(access.refusal(user)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(access.refusal(from("127.0.0.1"))).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/trackable/admin/");
		request.setRemoteAddr(address);
		return request;
	}

}
