package org.opencio.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full application on the test database (in-memory H2, or the PostgreSQL that SPRING_DATASOURCE_URL names), with
 * MockMvc. All such tests share one context; each builds its own organizations, so none depends on another.
 *
 * <p>The application runs in its embedded server, as in production: without one, Spring Boot treats the context as a
 * war deployment and configures the session cookie from the servlet container instead of {@code server.servlet.*}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface IntegrationTest {}
