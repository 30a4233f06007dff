package dev.pltrack.client;

import java.util.Objects;

/**
 * A {@link FollowUp} that waited for a log's request id and did not get one (the log failed, or the
 * engine closed first), as a dead letter reports it: with the log it was for.
 *
 * @param log      the log it waited on
 * @param followUp what was to be sent for the log's request id
 */
public record AwaitingLog(LogRequest log, FollowUp followUp) implements Submission {

    public AwaitingLog {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(followUp, "followUp");
    }

    @Override
    public String summary() {
        return followUp.summary() + " for the " + log.summary();
    }

    @Override
    public String subject() {
        String what;
        if (followUp instanceof FollowUp.Score score) {
            what = "Score \"" + score.name() + "\"";
        } else if (followUp instanceof FollowUp.PromptLink link) {
            what = "Prompt link \"" + link.promptName() + "\"";
        } else {
            what = "Metadata";
        }
        return what + " for the log of a call to " + log.provider() + "/" + log.model();
    }
}
