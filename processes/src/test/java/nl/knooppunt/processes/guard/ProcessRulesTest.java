package nl.knooppunt.processes.guard;

import static nl.knooppunt.processes.guard.Modellen.BPMN_NS;
import static nl.knooppunt.processes.guard.Modellen.ZEEBE_NS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.knooppunt.processes.CandidateGroup;
import nl.knooppunt.processes.ErrorCode;
import nl.knooppunt.processes.Form;
import nl.knooppunt.processes.JobType;
import nl.knooppunt.processes.MessageName;
import nl.knooppunt.processes.ProcessId;
import nl.knooppunt.processes.Task;
import nl.knooppunt.processes.variables.NoticeContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

/** The rules of the seeds (issue 4) are visible in the models. */
class ProcessRulesTest {

  private static final Graaf DN5 = new Graaf(ProcessId.DREIGINGSNIVEAU_5);
  private static final Graaf MANHUNT = new Graaf(ProcessId.MANHUNT);

  @ParameterizedTest
  @EnumSource(
      value = ProcessId.class,
      names = {"DREIGINGSNIVEAU_5", "MANHUNT", "BIJSTANDSAANVRAAG"})
  void everyCrisisProcessClosesOnlyAfterItsEvaluation(ProcessId id) {
    Graaf g = new Graaf(id);
    List<String> evaluations =
        g.all(n -> Form.EVALUATIE.key().equals(g.formKey(n)) && g.isTopLevel(n));
    assertThat(evaluations).hasSize(1);
    Set<String> withoutEvaluation = g.reachableAvoiding(evaluations::contains);
    assertThat(withoutEvaluation)
        .noneMatch(n -> JobType.CRISIS_AFSLUITEN.type().equals(g.jobType(n)));
    // the only way out is through the closing task
    List<String> mainEnds =
        g.all(
            n ->
                g.kind(n).equals("endEvent")
                    && g.isTopLevel(n)
                    && g.previous(n).stream()
                        .anyMatch(p -> JobType.CRISIS_AFSLUITEN.type().equals(g.jobType(p))));
    assertThat(mainEnds).hasSize(1);
    assertThat(g.next(evaluations.get(0)))
        .anyMatch(n -> JobType.CRISIS_AFSLUITEN.type().equals(g.jobType(n)));
  }

  @Test
  void policeAndOmShareInformationBeforeTheDeclarationDecision() {
    List<String> before =
        DN5.previous(Task.BESLUIT_AFKONDIGING.elementId()).stream()
            .filter(n -> !JobType.LOGBOEK_VASTLEGGEN.type().equals(DN5.jobType(n)))
            .toList();
    assertThat(before).hasSize(1);
    assertThat(DN5.kind(before.get(0))).isEqualTo("parallelGateway");
    assertThat(DN5.previous(before.get(0))).contains(informationGathered(Task.INFORMATIE_DELEN));
  }

  /**
   * Police and OM each have their own information task: one instance per information partner of a
   * multi-instance subprocess; silence past the SLA escalates and gives the operator a call task;
   * only an NCTV decider's explicit "besluit zonder volledige informatie" (an interrupting message
   * boundary, logged) ends the waiting otherwise. Returns the merge after both ways.
   */
  private static String informationGathered(Task information) {
    String perPartner = DN5.parent(information.elementId());
    assertThat(DN5.kind(perPartner)).isEqualTo("subProcess");
    assertThat(
            DN5.nodes
                .get(perPartner)
                .getElementsByTagNameNS(Modellen.BPMN_NS, "multiInstanceLoopCharacteristics")
                .getLength())
        .isEqualTo(1);
    List<String> merges =
        DN5.next(perPartner).stream().filter(n -> DN5.kind(n).equals("exclusiveGateway")).toList();
    assertThat(merges).hasSize(1);
    String merge = merges.get(0);
    assertThat(DN5.kind(merge)).isEqualTo("exclusiveGateway");
    // the only other way in: the logged decision without full information
    List<String> other = DN5.previous(merge).stream().filter(n -> !n.equals(perPartner)).toList();
    assertThat(other).singleElement();
    assertThat(DN5.jobType(other.get(0))).isEqualTo(JobType.LOGBOEK_VASTLEGGEN.type());
    String boundary = DN5.previous(other.get(0)).get(0);
    assertThat(DN5.kind(boundary)).isEqualTo("boundaryEvent");
    assertThat(DN5.nodes.get(boundary).getAttribute("attachedToRef")).isEqualTo(perPartner);
    // silence: a call task for the operator inside the partner's instance
    assertThat(DN5.reachableFrom(information.elementId(), n -> false))
        .anyMatch(n -> n.startsWith("Informatie_Bellen"));
    return merge;
  }

  @Test
  void policeAndOmShareFreshInformationAndEveryRegionAlignsBeforeAnExtension() {
    heardBefore(
        Task.HERBEOORDELEN,
        Task.INFORMATIE_HERBEOORDELING,
        Task.AFSTEMMEN_LOKAAL_GEZAG_HERBEOORDELING);
  }

  @Test
  void policeAndOmShareFreshInformationAndEveryRegionAlignsBeforeALowering() {
    // "Dit geldt zowel voor de op- als afschaling": the lowering decision comes after the join of
    // fresh information and alignment, or straight after the review that had both
    String join =
        heardBefore(null, Task.INFORMATIE_AFSCHALING, Task.AFSTEMMEN_LOKAAL_GEZAG_AFSCHALING);
    List<String> before =
        DN5.previous(Task.BESLUIT_AFSCHALING.elementId()).stream()
            .filter(n -> !JobType.LOGBOEK_VASTLEGGEN.type().equals(DN5.jobType(n)))
            .toList();
    assertThat(before).hasSize(1);
    List<String> fromReview =
        DN5.previous(before.get(0)).stream().filter(n -> !n.equals(join)).toList();
    assertThat(fromReview).singleElement();
    assertThat(DN5.previous(fromReview.get(0))).containsExactly("Van_Kracht");
    // level 5 in force ends on its own only through the review, which had both, or its
    // escalation to a person when the end is near (#14 item 2)
    Set<String> reviews =
        Set.of(
            Task.HERBEOORDELEN.elementId(),
            Task.HERBEOORDELEN_TWEEDE.elementId(),
            Task.HERBEOORDELEN_HOOFD.elementId());
    Set<String> inForce = DN5.reachableFrom("Start_Van_Kracht", reviews::contains);
    assertThat(inForce).doesNotContain("Einde_Van_Kracht");
  }

  @Test
  void anUndecidedReviewReachesTheSecondDeciderAndThenTheHeadAsATaskWithTheSameFourEyes() {
    // half an hour before the end and at the end, inside the period, so that a decision (which
    // ends the period) ends every open escalation task with it; the information round of the
    // review (end - 2 h, SLA 1 h) has had its time by then
    java.util.Map<Task, String> when =
        java.util.Map.of(
            Task.HERBEOORDELEN_TWEEDE, "=date and time(eindtijd) - duration(\"PT30M\")",
            Task.HERBEOORDELEN_HOOFD, "=date and time(eindtijd)");
    java.util.Map<Task, CandidateGroup> who =
        java.util.Map.of(
            Task.HERBEOORDELEN_TWEEDE, CandidateGroup.NCTV_TWEEDE_BESLUITVORMER,
            Task.HERBEOORDELEN_HOOFD, CandidateGroup.NCTV_HOOFD);
    when.forEach(
        (task, time) -> {
          assertThat(DN5.parent(task.elementId())).isEqualTo("Van_Kracht");
          assertThat(task.form()).isEqualTo(Task.HERBEOORDELEN.form());
          assertThat(
                  DN5.nodes
                      .get(task.elementId())
                      .getElementsByTagNameNS(Modellen.ZEEBE_NS, "assignmentDefinition")
                      .item(0)
                      .getAttributes()
                      .getNamedItem("candidateGroups")
                      .getNodeValue())
              .isEqualTo(who.get(task).group());
          List<String> timer = DN5.previous(task.elementId());
          assertThat(timer).singleElement();
          assertThat(
                  DN5.nodes
                      .get(timer.get(0))
                      .getElementsByTagNameNS(BPMN_NS, "timeDate")
                      .item(0)
                      .getTextContent()
                      .trim())
              .isEqualTo(time);
          assertThat(DN5.next(task.elementId()))
              .containsExactlyElementsOf(DN5.next(Task.HERBEOORDELEN.elementId()));
        });
    assertThat(DN5.kind("Einde_Verlengd")).isEqualTo("endEvent");
    assertThat(
            DN5.nodes
                .get("Einde_Verlengd")
                .getElementsByTagNameNS(BPMN_NS, "terminateEventDefinition")
                .getLength())
        .isEqualTo(1);
    assertThat(
            DN5.nodes
                .get("Einde_Van_Kracht")
                .getElementsByTagNameNS(BPMN_NS, "terminateEventDefinition")
                .getLength())
        .isEqualTo(1);
  }

  /**
   * A silent region is recorded and goes on to the decision; in parallel the operator calls each
   * silent region (a call task per region recorded as {@code GEEN_REACTIE}), which the decision
   * does not wait for. Returns the split after the alignment.
   */
  private static String silentRegionsCalled(String perRegion) {
    List<String> after =
        DN5.next(perRegion).stream().filter(n -> DN5.kind(n).endsWith("Gateway")).toList();
    assertThat(after).singleElement();
    String split = after.get(0);
    assertThat(DN5.kind(split)).isEqualTo("parallelGateway");
    List<String> calls =
        DN5.next(split).stream().filter(n -> DN5.kind(n).equals("subProcess")).toList();
    assertThat(calls).singleElement();
    assertThat(
            DN5.nodes
                .get(calls.get(0))
                .getElementsByTagNameNS(Modellen.ZEEBE_NS, "loopCharacteristics")
                .item(0)
                .getAttributes()
                .getNamedItem("inputCollection")
                .getNodeValue())
        .contains("GEEN_REACTIE");
    assertThat(DN5.reachableFrom(calls.get(0), n -> false))
        .anyMatch(n -> n.startsWith("Regio_Bellen"));
    // the calls end on their own: nothing after them waits for the decision or blocks it
    assertThat(DN5.next(calls.get(0)))
        .filteredOn(n -> !DN5.isTopLevel(n) || !DN5.kind(n).equals("startEvent"))
        .allMatch(n -> DN5.kind(n).equals("endEvent") || DN5.kind(n).equals("startEvent"));
    return split;
  }

  @Test
  void aSilentRegionIsCalledWhileTheDeclarationDecisionGoesOn() {
    String perRegion = DN5.parent(Task.AFSTEMMEN_LOKAAL_GEZAG.elementId());
    String split = silentRegionsCalled(perRegion);
    assertThat(DN5.reachableFrom(split, n -> false)).contains(Task.BESLUIT_AFKONDIGING.elementId());
  }

  /**
   * The information task and the per-region alignment run in parallel and are joined before the
   * decision (when given), each with the same SLA as before the declaration.
   */
  private static String heardBefore(Task decision, Task information, Task alignment) {
    nl.knooppunt.processes.SlaTable sla = nl.knooppunt.processes.SlaTable.shipped();
    assertThat(sla.term(information)).isEqualTo(sla.term(Task.INFORMATIE_DELEN));
    assertThat(sla.term(alignment)).isEqualTo(sla.term(Task.AFSTEMMEN_LOKAAL_GEZAG));
    List<String> joins =
        DN5.next(informationGathered(information)).stream()
            .filter(n -> DN5.kind(n).equals("parallelGateway"))
            .toList();
    assertThat(joins).hasSize(1);
    String perRegion = DN5.parent(alignment.elementId());
    assertThat(DN5.next(silentRegionsCalled(perRegion))).contains(joins.get(0));
    if (decision != null) {
      assertThat(DN5.previous(decision.elementId())).contains(joins.get(0));
    }
    return joins.get(0);
  }

  @Test
  void everyGezagAndPartnerIsNotifiedBeforeThePublicCommunication() {
    // the public communication waits for "every notice of the round was sent" ...
    Set<String> withoutRoundSent = DN5.reachableAvoiding(n -> isRoundSentCatch(DN5, n));
    assertThat(withoutRoundSent)
        .doesNotContain(
            Task.COMMUNICATIE_AFKONDIGING.elementId(),
            Task.COMMUNICATIE_VERLENGING.elementId(),
            Task.COMMUNICATIE_AFSCHALING.elementId(),
            Task.LOKALE_BOODSCHAP_AFKONDIGING.elementId(),
            Task.LOKALE_BOODSCHAP_AFSCHALING.elementId());
    for (Task t : PUBLIC_COMMUNICATION) {
      // directly, or through the split that also asks the municipalities for their local message
      List<String> before = new ArrayList<>(DN5.previous(t.elementId()));
      for (String p : List.copyOf(before)) {
        if (DN5.kind(p).equals("parallelGateway")) {
          before.addAll(DN5.previous(p));
        }
      }
      List<String> catches = before.stream().filter(n -> isRoundSentCatch(DN5, n)).toList();
      assertThat(catches).as(t.elementId()).hasSize(1);
      String roundSent = catches.get(0);
      // ... of the round started alongside it (same referentie), not its acknowledgements
      String split = DN5.previous(roundSent).get(0);
      assertThat(DN5.kind(split)).isEqualTo("parallelGateway");
      List<String> calls =
          DN5.next(split).stream()
              .filter(n -> ProcessId.INFORMEER_GEZAGEN.id().equals(DN5.calledProcess(n)))
              .toList();
      assertThat(calls).as(split).hasSize(1);
      assertThat(input(DN5, roundSent, "referentie"))
          .isNotNull()
          .isEqualTo(input(DN5, calls.get(0), "referentie"));
    }
  }

  @Test
  void informeerGezagenReportsTheRoundSentAfterEveryNoticeAndBeforeWaitingForAcknowledgements() {
    Graaf ig = new Graaf(ProcessId.INFORMEER_GEZAGEN);
    List<String> reported =
        ig.all(n -> JobType.MELDING_RONDE_VERSTUURD.type().equals(ig.jobType(n)));
    assertThat(reported).hasSize(1);
    String melden = reported.get(0);
    assertThat(ig.isTopLevel(melden)).isTrue();
    // before it: the multi-instance that only sends; after it: the one that waits and escalates
    String send = ig.previous(melden).get(0);
    String wait = ig.next(melden).get(0);
    assertThat(ig.all(n -> parentId(ig, n).equals(send)).stream().map(ig::jobType))
        .contains(JobType.MELDING_VERSTUREN.type())
        .doesNotContain(JobType.MELDING_FALLBACK_VERSTUREN.type());
    assertThat(ig.all(n -> parentId(ig, n).equals(wait)).stream().map(ig::jobType))
        .contains(JobType.MELDING_FALLBACK_VERSTUREN.type())
        .doesNotContain(JobType.MELDING_VERSTUREN.type());
    for (String sub : List.of(send, wait)) {
      assertThat(
              ig.nodes.get(sub).getElementsByTagNameNS(BPMN_NS, "multiInstanceLoopCharacteristics"))
          .satisfies(l -> assertThat(l.getLength()).as(sub).isPositive());
    }
  }

  @Test
  void bijstandDeploymentDoesNotWaitForAcknowledgements() {
    Graaf bijstand = new Graaf(ProcessId.BIJSTANDSAANVRAAG);
    List<String> start =
        bijstand.all(
            n ->
                JobType.BIJSTAND_INZET_REGISTREREN.type().equals(bijstand.jobType(n))
                    && "START".equals(header(bijstand, n, "actie")));
    assertThat(start).hasSize(1);
    followsTheRoundSentNotItsAcknowledgements(
        bijstand, start.get(0), Task.EVALUEREN_BIJSTAND.elementId());
  }

  @Test
  void aManhuntProposesLoweringOnceTheStandDownNoticesAreSent() {
    List<String> proposals =
        MANHUNT.all(n -> JobType.MANHUNT_AFSCHALING_VOORSTELLEN.type().equals(MANHUNT.jobType(n)));
    assertThat(proposals).hasSize(1);
    followsTheRoundSentNotItsAcknowledgements(
        MANHUNT, proposals.get(0), Task.EVALUEREN_MANHUNT.elementId());
  }

  /**
   * {@code step} waits for "every notice of the round was sent" (the round's informeer-gezagen call
   * runs beside it from the same parallel split, with the same referentie), not for the
   * acknowledgements; the two branches join before {@code next}, so the process goes on only when
   * the acknowledgements and escalations are done too.
   */
  private static void followsTheRoundSentNotItsAcknowledgements(Graaf g, String step, String next) {
    assertThat(g.reachableAvoiding(n -> isRoundSentCatch(g, n)))
        .as("%s only after the notices were sent", step)
        .doesNotContain(step);
    List<String> catches =
        g.all(n -> isRoundSentCatch(g, n) && g.reachableFrom(n, x -> false).contains(step));
    assertThat(catches).as(step).hasSize(1);
    String roundSent = catches.get(0);
    String split = g.previous(roundSent).get(0);
    assertThat(g.kind(split)).isEqualTo("parallelGateway");
    List<String> calls =
        g.next(split).stream()
            .filter(n -> ProcessId.INFORMEER_GEZAGEN.id().equals(g.calledProcess(n)))
            .toList();
    assertThat(calls).as(split).hasSize(1);
    String call = calls.get(0);
    assertThat(input(g, roundSent, "referentie"))
        .isNotNull()
        .isEqualTo(input(g, call, "referentie"));
    assertThat(g.reachableAvoiding(n -> n.equals(call)))
        .as("%s does not wait for the acknowledgements of %s", step, call)
        .contains(step);
    assertThat(g.next(call)).as(call).hasSize(1);
    String join = g.next(call).get(0);
    assertThat(g.kind(join)).isEqualTo("parallelGateway");
    assertThat(g.reachableFrom(step, n -> false)).contains(join, next);
    assertThat(g.reachableFrom(step, n -> n.equals(join)))
        .as("from %s to %s only through %s", step, next, join)
        .doesNotContain(next);
  }

  private static boolean isRoundSentCatch(Graaf g, String id) {
    return g.kind(id).equals("intermediateCatchEvent")
        && g.nodes.get(id).getElementsByTagNameNS(BPMN_NS, "messageEventDefinition").getLength()
            == 1
        && MessageName.MELDINGEN_VERSTUURD.messageName().equals(messageOf(g.id, g.nodes.get(id)));
  }

  private static String header(Graaf g, String id, String key) {
    var headers = g.nodes.get(id).getElementsByTagNameNS(ZEEBE_NS, "header");
    for (int i = 0; i < headers.getLength(); i++) {
      Element h = (Element) headers.item(i);
      if (h.getAttribute("key").equals(key)) {
        return h.getAttribute("value");
      }
    }
    return null;
  }

  private static String parentId(Graaf g, String id) {
    return ((Element) g.nodes.get(id).getParentNode()).getAttribute("id");
  }

  private static String input(Graaf g, String id, String target) {
    var inputs = g.nodes.get(id).getElementsByTagNameNS(ZEEBE_NS, "input");
    for (int i = 0; i < inputs.getLength(); i++) {
      Element in = (Element) inputs.item(i);
      if (in.getAttribute("target").equals(target)) {
        return in.getAttribute("source");
      }
    }
    return null;
  }

  /** The three public communications: declaring, extending, lowering. */
  private static final List<Task> PUBLIC_COMMUNICATION =
      List.of(
          Task.COMMUNICATIE_AFKONDIGING,
          Task.COMMUNICATIE_VERLENGING,
          Task.COMMUNICATIE_AFSCHALING);

  @Test
  void publicCommunicationIsPublishedOnlyWithItsThreeAims() {
    for (Task t : PUBLIC_COMMUNICATION) {
      // the next publication after the text, past the gateways that wait for local messages
      List<String> publish = firstJobsAfter(t.elementId());
      assertThat(publish).as(t.elementId()).singleElement();
      assertThat(DN5.jobType(publish.get(0))).isEqualTo(JobType.COMMUNICATIE_PUBLICEREN.type());
      assertThat(errorBoundaries(DN5, publish.get(0)))
          .contains(ErrorCode.COMMUNICATIE_ONVOLLEDIG.code());
      // a text sent back for its aims comes back to the same task
      assertThat(DN5.reachableFrom(publish.get(0), n -> false)).contains(t.elementId());
    }
  }

  @Test
  void publicationWaitsForTheLocalMessagesAtMostTheirSla() {
    for (Task local :
        List.of(Task.LOKALE_BOODSCHAP_AFKONDIGING, Task.LOKALE_BOODSCHAP_AFSCHALING)) {
      // one task per affected municipality, offered to its gezag
      String perMunicipality = DN5.parent(local.elementId());
      // over the municipalities' gezagen only (a region's voorzitter, VZ-VR.., is a gezag too)
      assertThat(
              ((Element)
                      DN5.nodes
                          .get(perMunicipality)
                          .getElementsByTagNameNS(ZEEBE_NS, "loopCharacteristics")
                          .item(0))
                  .getAttribute("inputCollection"))
          .isEqualTo("=ontvangers[item.soort = \"GEZAG\" and starts with(item.code, \"GM\")].code");
      // an interrupting timer ends the wait: the setting, by default the task's SLA
      List<Element> timers =
          DN5.nodes.values().stream()
              .filter(b -> b.getLocalName().equals("boundaryEvent"))
              .filter(b -> b.getAttribute("attachedToRef").equals(local.elementId()))
              .toList();
      assertThat(timers).singleElement();
      assertThat(timers.get(0).getAttribute("cancelActivity")).isNotEqualTo("false");
      assertThat(
              timers
                  .get(0)
                  .getElementsByTagNameNS(BPMN_NS, "timeDuration")
                  .item(0)
                  .getTextContent())
          .isEqualTo(
              "=if slaLokaleBoodschap != null then slaLokaleBoodschap else termijnen."
                  + local.elementId());
      // and the municipalities' answers join the national text before it is published
      String join = DN5.next(perMunicipality).get(0);
      assertThat(DN5.kind(join)).isEqualTo("parallelGateway");
      assertThat(firstJobsAfter(join))
          .singleElement()
          .satisfies(
              n -> assertThat(DN5.jobType(n)).isEqualTo(JobType.COMMUNICATIE_PUBLICEREN.type()));
    }
  }

  @Test
  void whileLevelFiveHoldsPoliceOmAndTheRegionsAreAskedForTheirSituationReportEveryInterval() {
    String ask = Task.SITUATIERAPPORT_BEELD.elementId();
    // inside the period in force, so it ends with it
    assertThat(DN5.parent(ask)).isEqualTo("Van_Kracht");
    Element loop =
        (Element)
            DN5.nodes.get(ask).getElementsByTagNameNS(ZEEBE_NS, "loopCharacteristics").item(0);
    assertThat(loop.getAttribute("inputCollection"))
        .isEqualTo("=concatenate([\"politie\", \"om\"], betrokkenRegios)");
    // a round's unanswered questions expire when the next round starts: an interrupting timer
    // with the interval (a setting, by default the task's SLA), back to a new round
    String interval =
        "=if intervalSituatierapport != null then intervalSituatierapport else termijnen."
            + Task.SITUATIERAPPORT_BEELD.elementId();
    List<Element> next =
        DN5.nodes.values().stream()
            .filter(b -> b.getLocalName().equals("boundaryEvent"))
            .filter(b -> b.getAttribute("attachedToRef").equals(ask))
            .toList();
    assertThat(next).singleElement();
    assertThat(next.get(0).getAttribute("cancelActivity")).isNotEqualTo("false");
    assertThat(next.get(0).getElementsByTagNameNS(BPMN_NS, "timeDuration").item(0).getTextContent())
        .isEqualTo(interval);
    assertThat(DN5.reachableFrom(next.get(0).getAttribute("id"), n -> false)).contains(ask);
    // the rounds never block the period: they loop on their own, and the period's ends end them
    assertThat(DN5.reachableFrom(ask, n -> false))
        .allMatch(n -> DN5.parent(n).equals("Van_Kracht"))
        .doesNotContain(
            Task.HERBEOORDELEN.elementId(), "Voor_Einde", "Einde_Verlengd", "Einde_Van_Kracht");
    for (String end : List.of("Einde_Verlengd", "Einde_Van_Kracht")) {
      assertThat(DN5.parent(end)).isEqualTo("Van_Kracht");
      assertThat(
              DN5.nodes
                  .get(end)
                  .getElementsByTagNameNS(BPMN_NS, "terminateEventDefinition")
                  .getLength())
          .as(end)
          .isOne();
    }
  }

  /** The job-based steps first reached from {@code from} (past events and gateways). */
  private static List<String> firstJobsAfter(String from) {
    java.util.Set<String> between =
        DN5.reachableFrom(from, n -> !n.equals(from) && DN5.jobType(n) != null);
    return between.stream()
        .flatMap(n -> DN5.next(n).stream())
        .filter(n -> !n.equals(from) && DN5.jobType(n) != null)
        .distinct()
        .toList();
  }

  @Test
  void everyLevelFiveDecisionIsCheckedByFourEyes() {
    for (Task decision :
        List.of(Task.BESLUIT_AFKONDIGING, Task.HERBEOORDELEN, Task.BESLUIT_AFSCHALING)) {
      String check = DN5.next(decision.elementId()).get(0);
      assertThat(DN5.jobType(check)).isEqualTo(JobType.VIER_OGEN_CONTROLEREN.type());
      assertThat(errorBoundaries(DN5, check)).contains(ErrorCode.VIER_OGEN_GESCHONDEN.code());
    }
  }

  @Test
  void levelFiveInForceIsWatchedUntilItsEndAndEveryExtensionStartsANewWatchedPeriod() {
    // one hour and half an hour before the end, and at the end: non-interrupting timers on the
    // period in force, read from its end time when the period starts
    java.util.Map<String, String> timers = new java.util.TreeMap<>();
    for (Element b : DN5.nodes.values()) {
      if (b.getLocalName().equals("boundaryEvent")
          && b.getAttribute("attachedToRef").equals("Van_Kracht")
          && b.getElementsByTagNameNS(BPMN_NS, "timeDate").getLength() == 1) {
        assertThat(b.getAttribute("cancelActivity")).isEqualTo("false");
        timers.put(
            b.getAttribute("id"),
            b.getElementsByTagNameNS(BPMN_NS, "timeDate").item(0).getTextContent().trim());
      }
    }
    assertThat(timers.values())
        .containsExactlyInAnyOrder(
            "=date and time(eindtijd) - duration(\"PT1H\")",
            "=date and time(eindtijd) - duration(\"PT30M\")",
            "=date and time(eindtijd)");
    // an extension leaves the period (its timers end) and enters a new one with the new end time
    assertThat(DN5.parent("Verlenging_Registreren")).isEqualTo("Van_Kracht");
    assertThat(DN5.parent("Informeren_Verlenging")).isEqualTo(ProcessId.DREIGINGSNIVEAU_5.id());
    assertThat(DN5.next("Verlenging_Splitsen"))
        .containsExactlyInAnyOrder(
            "Van_Kracht_Samen", "Informeren_Verlenging", "Meldingen_Verstuurd_Verlenging");
  }

  @Test
  void loweringCanBeProposedAtAnyTimeWhileLevelFiveIsInForce() {
    Element boundary = DN5.nodes.get("Afschaling_Voorgesteld");
    assertThat(boundary.getAttribute("attachedToRef")).isEqualTo("Van_Kracht");
    assertThat(messageOf(ProcessId.DREIGINGSNIVEAU_5, boundary))
        .isEqualTo(MessageName.AFSCHALING_VOORGESTELD.messageName());
  }

  @Test
  void aManhuntWithAPossibleTerroristMotiveAdvisesGrip3AtOnce() {
    Element grip3 = MANHUNT.nodes.get("Grip3_Adviseren");
    assertThat(MANHUNT.jobType("Grip3_Adviseren")).isEqualTo(JobType.MANHUNT_GRIP_ADVISEREN.type());
    assertThat(
            grip3
                .getElementsByTagNameNS(ZEEBE_NS, "input")
                .item(0)
                .getAttributes()
                .getNamedItem("source")
                .getNodeValue())
        .isEqualTo("=3");
    // no user task before it: the advice goes out immediately
    Set<String> withoutUserTasks =
        MANHUNT.reachableAvoiding(n -> MANHUNT.kind(n).equals("userTask"));
    assertThat(withoutUserTasks).contains("Grip3_Adviseren");
  }

  @Test
  void afterTheManhuntEndsALinkedLevelFiveGetsALoweringProposal() {
    List<String> proposals =
        MANHUNT.all(n -> JobType.MANHUNT_AFSCHALING_VOORSTELLEN.type().equals(MANHUNT.jobType(n)));
    assertThat(proposals).hasSize(1);
    Set<String> whileRunning = MANHUNT.reachableAvoiding(n -> n.equals("Manhunt_Loopt"));
    assertThat(whileRunning).doesNotContain(proposals.get(0));
  }

  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void exerciseIsPassedToEveryNotificationRound(ProcessId id) {
    for (Element call : Modellen.all(Modellen.dom(id), BPMN_NS, "callActivity")) {
      var inputs = call.getElementsByTagNameNS(ZEEBE_NS, "input");
      boolean passesExercise = false;
      for (int i = 0; i < inputs.getLength(); i++) {
        Element in = (Element) inputs.item(i);
        passesExercise |=
            in.getAttribute("target").equals("exercise")
                && in.getAttribute("source").equals("=exercise");
      }
      assertThat(passesExercise).as(call.getAttribute("id")).isTrue();
    }
  }

  /**
   * A notice is composed by the worker from parts; the one-line text says what happened, never a
   * raw ISO time (the end time travels as geldigTot and is written out in Dutch).
   */
  @ParameterizedTest
  @EnumSource(ProcessId.class)
  void everyNotificationRoundPassesItsMessageInPartsWithoutATimeInTheText(ProcessId id) {
    Graaf g = new Graaf(id);
    for (String call : g.all(n -> ProcessId.INFORMEER_GEZAGEN.id().equals(g.calledProcess(n)))) {
      String bericht = input(g, call, "bericht");
      assertThat(bericht)
          .as(call)
          .startsWith("={soort: \"")
          .contains(", onderwerp: ", ", tekst: ", ", gebied: ", ", geldigTot: ", ", niveau: ");
      String soort = bericht.substring("={soort: \"".length(), bericht.indexOf('"', 10));
      assertThat(NoticeContent.Kind.valueOf(soort)).as(call).isNotNull();
      String tekst = bericht.substring(bericht.indexOf(", tekst: "), bericht.indexOf(", gebied: "));
      assertThat(tekst).as(call).doesNotContain("eindtijd", "inzetEinde", "tijdstip", "now()");
    }
  }

  private static List<String> errorBoundaries(Graaf g, String host) {
    return g.next(host).stream()
        .filter(n -> g.kind(n).equals("boundaryEvent"))
        .map(g.nodes::get)
        .map(
            b ->
                ((Element) b.getElementsByTagNameNS(BPMN_NS, "errorEventDefinition").item(0))
                    .getAttribute("errorRef"))
        .map(ref -> ref.replace("Fout_", ""))
        .toList();
  }

  private static String messageOf(ProcessId id, Element event) {
    String ref =
        ((Element) event.getElementsByTagNameNS(BPMN_NS, "messageEventDefinition").item(0))
            .getAttribute("messageRef");
    return Modellen.all(Modellen.dom(id), BPMN_NS, "message").stream()
        .filter(m -> m.getAttribute("id").equals(ref))
        .findFirst()
        .orElseThrow()
        .getAttribute("name");
  }
}
