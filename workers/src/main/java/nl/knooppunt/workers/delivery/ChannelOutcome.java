package nl.knooppunt.workers.delivery;

import nl.knooppunt.processes.events.DeliveryAttempt;

/**
 * What a channel answered to one message.
 *
 * @param status accepted, failed (try the next channel) or undeliverable (bounce, unknown number)
 * @param detail the channel's reason when not accepted; null when accepted
 */
public record ChannelOutcome(DeliveryAttempt.Status status, String detail) {

  /** The longest reason kept: an SMTP reply or gateway error, not a stack trace. */
  static final int MAX_DETAIL = 300;

  public ChannelOutcome {
    if (detail != null && detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL);
    }
  }

  static ChannelOutcome accepted() {
    return new ChannelOutcome(DeliveryAttempt.Status.GEACCEPTEERD, null);
  }

  static ChannelOutcome failed(String detail) {
    return new ChannelOutcome(DeliveryAttempt.Status.MISLUKT, detail);
  }

  static ChannelOutcome undeliverable(String detail) {
    return new ChannelOutcome(DeliveryAttempt.Status.ONBESTELBAAR, detail);
  }

  public boolean isAccepted() {
    return status == DeliveryAttempt.Status.GEACCEPTEERD;
  }
}
