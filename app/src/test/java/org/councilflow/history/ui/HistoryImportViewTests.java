package org.councilflow.history.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.councilflow.history.ImportRun;
import org.councilflow.history.ModernGovFixtureServer;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

/** The administrator starts a dry run from the staff UI and watches its progress bar fill and its outcomes appear. */
@IntegrationTest
class HistoryImportViewTests {

    @Autowired
    ApplicationContext context;

    @Test
    void aDryRunFromTheStaffUiShowsItsProgressAndWhatItWouldDo() throws Exception {
        try (ModernGovFixtureServer site = new ModernGovFixtureServer()) {
            StaffUi.as(context, "barnet.tenant-admin", () -> {
                UI.getCurrent().navigate(HistoryImportView.class);
                HistoryImportView view = _get(HistoryImportView.class);
                assertThat(view.progress.isVisible()).isFalse();
                view.baseUrl.setValue(site.baseUrl());
                view.from.setValue(LocalDate.of(2018, 1, 1));
                view.to.setValue(LocalDate.of(2018, 12, 31));
                assertThat(view.dryRun.getValue()).as("a dry run by default").isTrue();

                _click(_get(Button.class, spec -> spec.withId("history-start")));

                assertThat(view.progress.isVisible()).isTrue();
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).pollInSameThread()
                        .until(() -> {
                            view.refresh();
                            return view.progress.getValue() == 100;
                        });
                assertThat(view.status.getText()).startsWith("Dry run of " + site.baseUrl() + ": finished, 4 of 4 meetings");
                assertThat(GridKt._size(view.outcomes)).isGreaterThan(5);
                ImportRun.Outcome first = GridKt._get(view.outcomes, 0);
                assertThat(first.kind()).isEqualTo(ImportRun.Kind.COMMITTEE);
                assertThat(GridKt._size(view.runs)).isEqualTo(1);
            });
        }
    }
}
