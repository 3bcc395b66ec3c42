package org.councilflow.support;

import java.time.Duration;

import org.councilflow.devservices.DevServices;
import org.councilflow.tenancy.PublicSiteChanges;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Before each integration test: the application's tables emptied and the demo councils seeded again. */
public class ResetDataExtension implements BeforeEachCallback {

    /** No council has this slug: its stamp is that of every council not changed on its own. */
    private static final String NO_COUNCIL = "-reset-";

    @Override
    public void beforeEach(ExtensionContext context) {
        DevServicesProperties.get(); // the database exists and is migrated by the time a test method runs
        PublicSiteChanges changes = SpringExtension.getApplicationContext(context).getBean(PublicSiteChanges.class);
        long before = changes.councilStamp(NO_COUNCIL);
        DemoData.reset(DevServices.postgres(), DevServicesProperties.TEST_DATABASE);
        // the application holds councils in memory until PostgreSQL says the table was emptied (ADR 0026): the test
        // starts once it has heard, so that nothing from the previous test's councils is used
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (changes.listening() && changes.councilStamp(NO_COUNCIL) == before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
