package org.councilflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.councilflow.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Review of issue 14 (concurrent actions: one wins, the other gets 409): a report is in at most one cycle. Two starts
 * of the same report at the same moment must not both pass the "already in its cycle" check and leave two cycles
 * (two sets of tasks, reminders and submissions) for one report.
 */
@IntegrationTest
class CycleStartReviewAttackTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void twoStartsOfOneReportAtTheSameMomentLeaveOneCycle() throws Exception {
        ApprovalFixture fixture = new ApprovalFixture(rest);
        for (int attempt = 0; attempt < 3; attempt++) {
            String reportId = fixture.report("barnet.author");
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<ResponseEntity<JsonNode>>> starts = List.of("barnet.author", "barnet.author-manager").stream()
                    .map(user -> CompletableFuture.supplyAsync(() -> {
                        try {
                            together.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return fixture.api.post(user, ApprovalFixture.path(reportId) + "/cycle", null);
                    }))
                    .toList();
            List<HttpStatus> statuses = starts.stream().map(CompletableFuture::join)
                    .map(response -> HttpStatus.valueOf(response.getStatusCode().value())).sorted().toList();

            assertThat(statuses).as("attempt " + attempt + ": one start wins, the other is told the report is in its cycle")
                    .containsExactly(HttpStatus.CREATED, HttpStatus.CONFLICT);
            long running = fixture.superuser.sql("SELECT count(*) FROM public.act_ru_execution WHERE business_key_ = :report"
                    + " AND parent_id_ IS NULL").param("report", reportId).query(Long.class).single();
            assertThat(running).as("cycles of the report").isEqualTo(1);
        }
    }
}
