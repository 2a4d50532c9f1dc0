package dev.trackable.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A servlet application that runs without Spring Boot's {@code debug} has no admin, not even for loopback clients.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "spring.main.web-application-type=servlet", "debug=false",
				"trackable.disable-collection-task=true", "spring.jpa.hibernate.ddl-auto=create-drop" })
@AutoConfigureMockMvc
class TrackableAdminOffTests {

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TrackableContractTests.services(registry,
				new TestServices.Database("jdbc:h2:mem:admin-off;DB_CLOSE_DELAY=-1", "sa", "", "in memory"),
				"h2-admin-off");
	}

	@Test
	void theAdminIsNotFound() throws Exception {
		for (String path : new String[] { "/trackable/admin", "/trackable/admin/", "/trackable/admin/api/datasets" }) {
			this.mvc.perform(get(path)).andExpect(status().isNotFound());
		}
	}

}
