package org.councilflow.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.councilflow.tenancy.TenantOnboarded;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Faults a test can inject into the running application at a named step, to prove that a failure there leaves
 * nothing half done.
 */
@TestComponent
public class Faults {

    private final Set<String> failingOnboardings = ConcurrentHashMap.newKeySet();

    /** The onboarding of {@code slug} fails after Keycloak was provisioned, before the council is activated. */
    public void failOnboardingAfterDirectory(String slug) {
        failingOnboardings.add(slug);
    }

    public void clear() {
        failingOnboardings.clear();
    }

    @EventListener
    void on(TenantOnboarded onboarded) {
        if (failingOnboardings.remove(onboarded.slug())) {
            throw new IllegalStateException("Injected fault: the database step of onboarding " + onboarded.slug() + " failed");
        }
    }
}
