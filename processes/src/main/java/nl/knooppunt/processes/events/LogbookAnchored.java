package nl.knooppunt.processes.events;

import java.time.Instant;

/**
 * An anchor of the logbook's chain: at {@code time} the chain's entry {@code sequence} had this
 * {@code hash}, sealed with the logbook's key (HMAC-SHA-256, never in the database). Produced by
 * the gateway on {@link Topic#LOGBOOK_ANCHORS} (key {@link Topic#LOGBOOK_ANCHORS_KEY}) as {@link
 * EventType#LOGBOEK_VERANKERD}, beside the same line in its anchor file; the gateway's verification
 * reads the topic back from its start (docs/adr/0027, 0037).
 *
 * @param sequence the entry anchored
 * @param hash that entry's hash
 * @param time when it was anchored
 * @param seal the HMAC of sequence, hash and time with the logbook's key
 */
public record LogbookAnchored(long sequence, String hash, Instant time, String seal)
    implements EventPayload {

  public LogbookAnchored {
    Required.text(hash, "hash");
    Required.text(seal, "seal");
    Required.value(time, "time");
  }
}
