package org.councilflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against the run's shared real PostgreSQL and Keycloak. One Spring
 * context serves every class that uses this annotation unchanged; each test starts from the demo data alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DevServicesInitializer.class)
@ActiveProfiles("test")
@AutoConfigureObservability // metrics and tracing as in production: the Prometheus endpoint is under test
@ExtendWith(ResetDataExtension.class)
@Import({Faults.class, MovableClock.class})
public @interface IntegrationTest {
}
