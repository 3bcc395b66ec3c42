package org.councilflow.support;

import org.councilflow.devservices.DevServices;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Before each integration test: the application's tables emptied and the demo councils seeded again. */
public class ResetDataExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        DevServicesProperties.get(); // the database exists and is migrated by the time a test method runs
        DemoData.reset(DevServices.postgres(), DevServicesProperties.TEST_DATABASE);
    }
}
