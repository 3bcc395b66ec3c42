package org.councilflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.councilflow.publication.internal.Frame;
import org.councilflow.publication.internal.Localizer;
import org.councilflow.publication.internal.Pages.CallIn;
import org.councilflow.publication.internal.Pages.DecisionPage;
import org.councilflow.publication.internal.Snapshots.DecisionSnapshot;
import org.councilflow.publication.internal.Snapshots.DocumentRef;
import org.councilflow.publication.internal.Snapshots.Published;
import org.councilflow.publication.internal.Templates;
import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.TenantSettings;
import org.councilflow.tenancy.TenantStatus;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * ADR 0008's measurement: the public decision page rendered in memory (no HTTP, no database) by the precompiled JTE
 * template with its message bundle, against the StringBuilder code it replaced ({@link StringBuilderDecisionPage}).
 * Both are warmed up, then timed in ten alternating rounds; the figure is each one's best round, in microseconds per
 * page.
 */
class TemplateRenderingBenchmark {

    private static final int WARM_UP = 20_000;
    private static final int PAGES = 20_000;
    private static final int ROUNDS = 10;

    @Test
    void decisionPageJteAgainstStringBuilder() {
        Instant at = Instant.parse("2018-09-13T09:00:00Z");
        Tenant council = new Tenant("bench", "Bench Borough Council", TenantStatus.ACTIVE, null, TenantSettings.defaults(),
                at, at, 1);
        DecisionSnapshot d = new DecisionSnapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Children, Education and Safeguarding Committee", "Family Services Improvement Plan: progress update <6>",
                "RECOMMENDATIONS_APPROVED", true, true,
                List.of("That the Committee note the progress made on the improvement plan.",
                        "That the Committee agree the next steps set out in section 1 & appendix 2."),
                "The Committee considered the report.\n\nMembers asked about caseloads; the Director answered \"in full\".",
                LocalDate.of(2018, 9, 12), Instant.parse("2018-09-12T18:00:00Z"), at, Instant.parse("2018-09-20T17:00:00Z"),
                null, List.of(new DocumentRef(1, "Improvement plan tracker", UUID.randomUUID(), "tracker.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", 48_213, "0".repeat(64))));
        Published<DecisionSnapshot> published = new Published<>(d, 1, at, at, List.of());
        Localizer l = Localizer.of(Locale.UK);
        Instant now = Instant.parse("2018-09-14T09:00:00Z");

        Supplier<String> jte = () -> Templates.render(new DecisionPage(new Frame(council, l), published, CallIn.of(d, now, l)));
        Supplier<String> builder = () -> StringBuilderDecisionPage.render(council, d, CallIn.of(d, now, l).text(),
                l.numeric(d.decidedOn()), l.numeric(d.publishedAt()), l.numeric(d.meetingStartsAt()));
        // both say the same
        assertThat(Jsoup.parse(jte.get()).select("main").text()).isEqualTo(Jsoup.parse(builder.get()).select("main").text());

        BenchReport report = new BenchReport("template-rendering");
        report.put("pages", PAGES).put("rounds", ROUNDS).put("pageBytesJte", jte.get().length())
                .put("pageBytesStringBuilder", builder.get().length());
        double[] micros = measure(jte, builder);
        double jteMicros = micros[0];
        double builderMicros = micros[1];
        report.put("jteMicrosPerPage", jteMicros).put("stringBuilderMicrosPerPage", builderMicros)
                .put("jteOverStringBuilder", Math.round(jteMicros / builderMicros * 100) / 100.0)
                .put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.write();
    }

    /**
     * The best round's microseconds per page of each, after a warm-up of both; their rounds alternate, so that a
     * busy spell of a shared machine falls on both alike.
     */
    private static double[] measure(Supplier<String> first, Supplier<String> second) {
        List<Supplier<String>> renders = List.of(first, second);
        long sink = 0;
        for (Supplier<String> render : renders) {
            for (int i = 0; i < WARM_UP; i++) {
                sink += render.get().length();
            }
        }
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round < ROUNDS; round++) {
            for (int r = 0; r < renders.size(); r++) {
                long start = System.nanoTime();
                for (int i = 0; i < PAGES; i++) {
                    sink += renders.get(r).get().length();
                }
                best[r] = Math.min(best[r], (System.nanoTime() - start) / 1_000.0 / PAGES);
            }
        }
        assertThat(sink).isPositive();
        return new double[] {Math.round(best[0] * 100) / 100.0, Math.round(best[1] * 100) / 100.0};
    }
}
