package org.councilflow.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.meetings.Decision;
import org.councilflow.meetings.Decisions;
import org.councilflow.meetings.Meeting;
import org.councilflow.meetings.Meetings;
import org.councilflow.publication.Publications;
import org.councilflow.reports.Report;
import org.councilflow.reports.Reports;
import org.councilflow.tenancy.TenantContext;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every report of the current council with where it stands: the open stage of its cycle and who holds it, the
 * meeting it is scheduled to, the committee's decision, and its public pages once published. Democratic services
 * and managers follow the council's business here, not only their own tasks.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('CLERK', 'MANAGER')")
public class Pipeline {

    /** How far back a meeting may lie and still be shown as the one a report is scheduled to. */
    private static final Duration RECENT_MEETINGS = Duration.ofDays(400);

    private final TaskService tasks;
    private final ProcessEngine engine;
    private final Reports reports;
    private final Meetings meetings;
    private final Decisions decisions;
    private final Publications publications;

    Pipeline(TaskService tasks, ProcessEngine engine, Reports reports, Meetings meetings, Decisions decisions,
            Publications publications) {
        this.tasks = tasks;
        this.engine = engine;
        this.reports = reports;
        this.meetings = meetings;
        this.decisions = decisions;
        this.publications = publications;
    }

    public List<Entry> entries() {
        String tenant = TenantContext.require();
        Instant now = engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
        Map<UUID, Task> open = new HashMap<>();
        for (Task task : tasks.createTaskQuery().taskTenantId(tenant).includeProcessVariables()
                .orderByTaskCreateTime().asc().listPage(0, 5000)) {
            Object reportId = task.getProcessVariables().get("reportId");
            if (reportId instanceof String id) {
                open.put(UUID.fromString(id), task);
            }
        }
        Map<UUID, Meeting> scheduled = new HashMap<>();
        for (Meeting meeting : meetings.from(now.minus(RECENT_MEETINGS))) {
            meeting.agenda().forEach(item -> scheduled.put(item.reportId(), meeting));
        }
        return reports.all().stream().map(report -> {
            Task task = open.get(report.id());
            Optional<Decision> decision = decisions.latest(report.id());
            Meeting meeting = decision.map(d -> meetingOf(d, scheduled.get(report.id()))).orElse(scheduled.get(report.id()));
            Instant due = task == null || task.getDueDate() == null ? null : task.getDueDate().toInstant();
            String decisionPath = decision.filter(d -> d.publishedAt() != null)
                    .flatMap(d -> publications.decision(report.id(), d.meetingId()))
                    .map(published -> published.path()).orElse(null);
            return new Entry(report, task == null ? null : task.getTaskDefinitionKey(),
                    task == null ? null : task.getAssignee(), due, due != null && due.isBefore(now),
                    meeting == null ? null : meeting.committeeName(), meeting == null ? null : meeting.startsAt(),
                    decision.orElse(null), publications.reportPath(report.id()).orElse(null), decisionPath,
                    Phase.of(task, decision.orElse(null), now));
        }).sorted(Comparator.comparing(Entry::phase).thenComparing(e -> e.due() == null ? Instant.MAX : e.due())).toList();
    }

    private Meeting meetingOf(Decision decision, Meeting scheduled) {
        return scheduled != null && scheduled.id().equals(decision.meetingId()) ? scheduled : meetings.get(decision.meetingId());
    }

    /** Where a report stands, in the order the council's business moves. */
    public enum Phase {
        IN_CYCLE("In its cycle"),
        CALL_IN_PERIOD("In its call-in period"),
        CALLED_IN("Called in"),
        DECIDED("Decision published"),
        NOT_IN_CYCLE("Not in a cycle");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Phase of(Task task, Decision decision, Instant now) {
            if (decision != null && decision.calledInAt() != null && task != null) {
                return CALLED_IN;
            }
            if (task != null) {
                return IN_CYCLE;
            }
            if (decision != null && decision.publishedAt() != null) {
                return Boolean.TRUE.equals(decision.subjectToCallIn()) && decision.callInEndsAt() != null
                        && now.isBefore(decision.callInEndsAt()) && decision.calledInAt() == null ? CALL_IN_PERIOD : DECIDED;
            }
            return NOT_IN_CYCLE;
        }
    }

    /**
     * @param stage the open task's key in the cycle, or null when no task is open
     * @param assignee who holds that task, or null while it waits to be claimed
     * @param reportPath the report's public page once an agenda published it, else null
     * @param decisionPath the decision's public page once published, else null
     */
    public record Entry(Report.Summary report, String stage, String assignee, Instant due,
            boolean overdue, String committee, Instant meetingStartsAt, Decision decision, String reportPath,
            String decisionPath, Phase phase) {
    }
}
