package org.councilflow.publication.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.publication.internal.Snapshots.MinutesSnapshot;
import org.councilflow.publication.internal.Snapshots.Published;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current council's published minutes, for anyone: approved (or amended) minutes, and drafts it chose to publish. */
@Service
@Transactional(readOnly = true)
public class PublicMinutes {

    private final PublicationStore store;

    PublicMinutes(PublicationStore store) {
        this.store = store;
    }

    public Optional<Published<MinutesSnapshot>> of(UUID meetingId) {
        return store.latest(PublicationKind.MINUTES, meetingId, MinutesSnapshot.class);
    }

    /** Every meeting's published minutes, latest meeting first; of one committee when {@code committee} is given. */
    public List<Published<MinutesSnapshot>> all(UUID committee) {
        return store.all(PublicationKind.MINUTES, committee, MinutesSnapshot.class).stream()
                .sorted(Comparator.comparing((Published<MinutesSnapshot> m) -> m.content().startsAt()).reversed())
                .toList();
    }
}
