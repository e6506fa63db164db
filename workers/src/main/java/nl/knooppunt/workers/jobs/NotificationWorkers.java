package nl.knooppunt.workers.jobs;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import nl.knooppunt.directory.Authority;
import nl.knooppunt.directory.ChainContact;
import nl.knooppunt.directory.Contact;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.JobTypes;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.events.EventType;
import nl.knooppunt.processes.events.RoundCompleted;
import nl.knooppunt.processes.events.RoundSent;
import nl.knooppunt.processes.variables.AcknowledgementResult;
import nl.knooppunt.processes.variables.CallContact;
import nl.knooppunt.processes.variables.NoticeContent;
import nl.knooppunt.processes.variables.Recipient;
import nl.knooppunt.workers.camunda.EngineRejections;
import nl.knooppunt.workers.delivery.ChainDelivery;
import nl.knooppunt.workers.delivery.RegisterContactBook;
import nl.knooppunt.workers.notification.CurrentMeasures;
import nl.knooppunt.workers.notification.NoticeSender;
import nl.knooppunt.workers.notification.OutgoingNotice;
import org.springframework.stereotype.Component;

/**
 * informeer-gezagen: a notice to one recipient over its primary channel, then (after silence) over
 * its fallback contact, then the people of its contact chain to call, one after the other; and the
 * outcome of the round for the logbook.
 */
@Component
public class NotificationWorkers {

  /** Suffix of the fallback notice's id: a different notice, acknowledged under the same id. */
  static final String FALLBACK_SUFFIX = "/fallback";

  /**
   * How long "all notices are out" waits for the caller; a caller that does not wait for it (an
   * extension of level 5, the first round of a manhunt, a rejected assistance request) lets it
   * expire.
   */
  static final Duration ROUND_SENT_TTL = Duration.ofHours(1);

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(NotificationWorkers.class);

  public record Delivery(
      String crisisId,
      Boolean exercise,
      String notificatieId,
      Recipient ontvanger,
      NoticeContent bericht,
      Boolean heleKeten,
      Boolean alleenInKnooppunt) {

    /** A scenario exercise's notice: in the hub only, to nobody's e-mail or phone. */
    boolean onlyInHub() {
      return Boolean.TRUE.equals(alleenInKnooppunt);
    }
  }

  public record Sent(
      String crisisId, Boolean exercise, String referentie, List<Object> verzendingen) {}

  public record Round(
      String crisisId,
      Boolean exercise,
      String referentie,
      List<AcknowledgementResult> bevestigingen) {}

  /** Whom the operator called last about a silent recipient (null before the first call). */
  public record CallChain(Recipient ontvanger, CallContact belContact) {}

  /** Whom to call next; {@code belContact = null} when the chain is exhausted. */
  public record NextCall(CallContact belContact) {}

  private final Directory directory;
  private final NoticeSender sender;
  private final DomainEvents events;

  private final CamundaClient camunda;
  private final CurrentMeasures measures;
  private final ChainDelivery chainDelivery;
  private final RegisterContactBook contacts;

  NotificationWorkers(
      Directory directory,
      NoticeSender sender,
      DomainEvents events,
      CamundaClient camunda,
      CurrentMeasures measures,
      ChainDelivery chainDelivery,
      RegisterContactBook contacts) {
    this.directory = directory;
    this.sender = sender;
    this.events = events;
    this.camunda = camunda;
    this.measures = measures;
    this.chainDelivery = chainDelivery;
    this.contacts = contacts;
  }

  /**
   * The notice in the hub's inbox, then by e-mail or SMS to the person(s) at order 1 of the
   * recipient's contact chain (every person at once with {@code heleKeten}). A channel that fails
   * is recorded and does not fail the job.
   */
  @JobWorker(type = JobTypes.MELDING_VERSTUREN)
  public void sendPrimary(ActivatedJob job, @VariablesAsType Delivery delivery) {
    Authority recipient =
        directory
            .authority(delivery.ontvanger().code())
            .orElseThrow(
                () ->
                    BpmnErrors.of(
                        ErrorCode.ONTVANGER_ONBEREIKBAAR,
                        "Ontvanger "
                            + delivery.ontvanger().code()
                            + " staat niet in de adresgids; fallback-route nodig"));
    if (recipient.primary() == null) {
      throw BpmnErrors.of(
          ErrorCode.ONTVANGER_ONBEREIKBAAR, recipient.name() + " heeft geen primair kanaal");
    }
    OutgoingNotice notice =
        notice(delivery, delivery.notificatieId(), recipient, recipient.primary());
    sender.send(notice, EventType.MELDING_VERSTUURD);
    if (delivery.onlyInHub()) {
      LOG.info(
          "Notice {} of exercise scenario crisis {} stays in the hub",
          notice.notificationId(),
          delivery.crisisId());
      return;
    }
    chainDelivery.primary(
        notice, Boolean.TRUE.equals(delivery.heleKeten()), DomainEvents.origin(job));
  }

  /**
   * After silence: the fallback notice in the hub's inbox, then by e-mail or SMS to the persons at
   * order 2 and later of the chain (stand-in, officer on duty), under the fallback id.
   */
  @JobWorker(type = JobTypes.MELDING_FALLBACK_VERSTUREN)
  public void sendFallback(ActivatedJob job, @VariablesAsType Delivery delivery) {
    Authority recipient =
        directory
            .authority(delivery.ontvanger().code())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Ontvanger "
                            + delivery.ontvanger().code()
                            + " staat niet in de adresgids: geen fallback-contact bekend"));
    OutgoingNotice notice =
        notice(
            delivery, delivery.notificatieId() + FALLBACK_SUFFIX, recipient, recipient.fallback());
    sender.send(notice, EventType.MELDING_FALLBACK_VERSTUURD);
    if (delivery.onlyInHub()) {
      LOG.info(
          "Fallback notice {} of exercise scenario crisis {} stays in the hub",
          notice.notificationId(),
          delivery.crisisId());
      return;
    }
    chainDelivery.fallback(notice, DomainEvents.origin(job));
  }

  /**
   * Who is called next about a silent recipient: the person after {@code belContact} in the
   * recipient's contact chain (the first one when nobody was called yet; the contact register's
   * chain, piket resolved, when it holds one), or nobody once the chain is exhausted, an unknown
   * recipient included: then the operator escalates.
   */
  @JobWorker(type = JobTypes.MELDING_BELCONTACT_BEPALEN)
  public NextCall nextCall(@VariablesAsType CallChain call) {
    String code = Objects.requireNonNull(call.ontvanger(), "ontvanger").code();
    int calledSoFar = call.belContact() == null ? 0 : call.belContact().volgorde();
    return new NextCall(
        contacts.chainOf(directory.authority(code).orElse(null)).stream()
            .filter(c -> c.order() > calledSoFar)
            .findFirst()
            .map(c -> callContact(code, c))
            .orElse(null));
  }

  private static CallContact callContact(String recipientCode, ChainContact c) {
    return new CallContact(
        recipientCode,
        c.order(),
        CallContact.Position.valueOf(c.position().name()),
        c.name(),
        c.function(),
        c.phone().map(Contact::address).orElse(null),
        c.demo());
  }

  /**
   * Tells the calling process that every notice of the round is out, so the public communication
   * may go while the acknowledgements are still coming in.
   */
  @JobWorker(type = JobTypes.MELDING_RONDE_VERSTUURD)
  public void announceRoundSent(ActivatedJob job, @VariablesAsType Sent round) {
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(MessageName.MELDINGEN_VERSTUURD.messageName())
          .correlationKey(round.referentie())
          .messageId(round.referentie() + "#verstuurd")
          .timeToLive(ROUND_SENT_TTL)
          .send()
          .join();
    } catch (ClientException e) {
      if (!EngineRejections.alreadyExists(e)) {
        throw e;
      }
    }
    events.log(
        round.referentie() + "#ronde-verstuurd",
        EventType.MELDINGRONDE_VERSTUURD,
        round.crisisId(),
        Boolean.TRUE.equals(round.exercise()),
        new RoundSent(
            round.referentie(),
            round.verzendingen() == null ? 0 : round.verzendingen().size(),
            DomainEvents.origin(job)));
  }

  @JobWorker(type = JobTypes.MELDING_RESULTAAT_VASTLEGGEN)
  public void recordRound(ActivatedJob job, @VariablesAsType Round round) {
    List<AcknowledgementResult> outcomes =
        round.bevestigingen() == null ? List.of() : round.bevestigingen();
    events.log(
        round.referentie() + "#ronde-afgerond",
        EventType.MELDINGRONDE_AFGEROND,
        round.crisisId(),
        Boolean.TRUE.equals(round.exercise()),
        new RoundCompleted(
            round.referentie(),
            outcomes.size(),
            count(outcomes, AcknowledgementResult.Status.BEVESTIGD),
            count(outcomes, AcknowledgementResult.Status.TELEFONISCH_BEVESTIGD),
            count(outcomes, AcknowledgementResult.Status.NIET_BEREIKT),
            outcomes.stream().filter(Objects::nonNull).map(RoundCompleted.Outcome::of).toList(),
            DomainEvents.origin(job)));
  }

  private static long count(
      List<AcknowledgementResult> outcomes, AcknowledgementResult.Status status) {
    return outcomes.stream().filter(b -> b != null && b.status() == status).count();
  }

  /**
   * The notice of a round, from the parts of its bericht and what its kind expects; a declaration
   * or extension of level 5 carries the measures for the recipient's role, in the version in force.
   */
  private OutgoingNotice notice(
      Delivery delivery, String id, Authority recipient, Contact contact) {
    NoticeContent bericht = Objects.requireNonNull(delivery.bericht(), "bericht");
    NoticeContent.Kind kind = bericht.soort();
    return new OutgoingNotice(
        id,
        delivery.crisisId(),
        Boolean.TRUE.equals(delivery.exercise()),
        recipient,
        contact,
        kind == null ? "MELDING" : kind.name(),
        bericht.onderwerp() != null || kind == null ? bericht.onderwerp() : kind.label(),
        bericht.tekst(),
        bericht.gebied(),
        bericht.geldigTot(),
        bericht.niveau(),
        kind == null ? null : kind.expectation(),
        true,
        kind != null && kind.carriesMeasures() ? measures.forAuthority(recipient) : null);
  }
}
