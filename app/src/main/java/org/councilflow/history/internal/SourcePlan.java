package org.councilflow.history.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.councilflow.history.History;
import org.councilflow.history.HistoryProperties;
import org.councilflow.history.ImportRequest;
import org.councilflow.history.moderngov.ModernGovClient;
import org.councilflow.history.moderngov.ModernGovFormatException;
import org.councilflow.history.moderngov.ModernGovXml;
import org.councilflow.history.moderngov.ModernGovXml.MeetingStub;
import org.councilflow.history.moderngov.XmlTree;

/**
 * What a source holds, read up front as far as it is cheap (committees and the list of meetings); each meeting is
 * read when its turn comes, so that a long import shows progress and holds one meeting at a time.
 */
record SourcePlan(Map<String, History.Committee> committees, List<PlannedMeeting> meetings) {

    /** A meeting to import: its id at the source, and how to read it (which may fail on its own). */
    record PlannedMeeting(String sourceId, Supplier<History.Meeting> load) {
    }

    static SourcePlan of(ImportRequest request, HistoryProperties properties) {
        return switch (request.source()) {
            case MODERNGOV_URL -> site(request, properties);
            case MODERNGOV_XML -> xml(request, properties);
            case JSON -> json(request.records());
        };
    }

    private static SourcePlan site(ImportRequest request, HistoryProperties properties) {
        ModernGovClient client = new ModernGovClient(request.baseUrl(), properties.connectTimeout(),
                properties.requestTimeout(), properties.maxXmlSize().toBytes(), properties.maxRequests(),
                properties.allowPrivateNetworks());
        Map<String, History.Committee> committees = new LinkedHashMap<>();
        Set<String> wanted = request.committeeIds() == null ? Set.of() : Set.copyOf(request.committeeIds());
        for (History.Committee committee : ModernGovXml.committees(client.committees())) {
            if (wanted.isEmpty() || wanted.contains(committee.sourceId())) {
                committees.putIfAbsent(committee.sourceId(), committee);
            }
        }
        List<PlannedMeeting> meetings = new ArrayList<>();
        for (History.Committee committee : committees.values()) {
            for (MeetingStub stub : ModernGovXml.meetings(client.meetings(committee.sourceId(), request.from(), request.to()))) {
                // some ModernGov sites ignore the dates asked for and answer the committee's whole history
                if (within(stub.date(), request.from(), request.to())) {
                    String committeeId = stub.committeeId() == null ? committee.sourceId() : stub.committeeId();
                    meetings.add(new PlannedMeeting(stub.meetingId(),
                            () -> ModernGovXml.meeting(client.meeting(stub.meetingId()), committeeId)));
                }
            }
        }
        return new SourcePlan(committees, dedupe(meetings));
    }

    private static SourcePlan xml(ImportRequest request, HistoryProperties properties) {
        Map<String, History.Committee> committees = new LinkedHashMap<>();
        Map<String, String> committeeOfMeeting = new HashMap<>();
        List<XmlTree> meetingDocuments = new ArrayList<>();
        int n = 0;
        for (String document : request.xml()) {
            n++;
            XmlTree root;
            try {
                root = XmlTree.parse(document.getBytes(StandardCharsets.UTF_8), properties.maxXmlSize().toBytes());
            } catch (ModernGovFormatException e) {
                throw new ModernGovFormatException("xml[" + (n - 1) + "]: " + e.getMessage());
            }
            ModernGovXml.committees(root).forEach(c -> committees.putIfAbsent(c.sourceId(), c));
            boolean detailed = root.descendants("meeting").stream().anyMatch(m -> m.child("agendaitems").isPresent())
                    || root.name().equals("getmeeting") || root.name().equals("meeting");
            if (detailed) {
                meetingDocuments.add(root);
            } else {
                ModernGovXml.meetings(root).forEach(s -> {
                    if (s.committeeId() != null) {
                        committeeOfMeeting.put(s.meetingId(), s.committeeId());
                    }
                });
            }
        }
        List<PlannedMeeting> meetings = new ArrayList<>();
        for (XmlTree root : meetingDocuments) {
            String id = root.descendants("meeting").stream().findFirst().or(() -> java.util.Optional.of(root))
                    .map(m -> m.value("meetingid")).orElse(null);
            meetings.add(new PlannedMeeting(id == null ? "?" : id,
                    () -> ModernGovXml.meeting(root, id == null ? null : committeeOfMeeting.get(id))));
        }
        return new SourcePlan(committees, dedupe(meetings));
    }

    private static SourcePlan json(History.Bundle bundle) {
        Map<String, History.Committee> committees = new LinkedHashMap<>();
        bundle.committees().forEach(c -> committees.putIfAbsent(c.sourceId(), c));
        List<PlannedMeeting> meetings = bundle.meetings().stream()
                .map(m -> new PlannedMeeting(m.sourceId(), () -> m)).toList();
        return new SourcePlan(committees, dedupe(meetings));
    }

    /** A meeting named twice (in two committees' lists, or two saved files) is imported once. */
    private static List<PlannedMeeting> dedupe(List<PlannedMeeting> meetings) {
        Map<String, PlannedMeeting> byId = new LinkedHashMap<>();
        meetings.forEach(m -> byId.putIfAbsent(m.sourceId(), m));
        return List.copyOf(byId.values());
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
