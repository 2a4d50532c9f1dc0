package dev.trackable.autoconfigure.entities;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * Makes this package the auto-configuration package, so that Hibernate's auto-configuration finds the entities in
 * it, as it finds those next to a {@code @SpringBootApplication}.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class EntitiesConfiguration {

}
