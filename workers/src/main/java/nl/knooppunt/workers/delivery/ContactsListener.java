package nl.knooppunt.workers.delivery;

import nl.knooppunt.processes.events.CloudEventJson;
import nl.knooppunt.processes.events.ContactChainSet;
import nl.knooppunt.processes.events.Topic;
import nl.knooppunt.workers.notification.MeasuresListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted topic {@link Topic#CONTACTS} from its start on every start of the workers, so
 * {@link RegisterContactBook} holds the newest chain of every authority in the contact register. A
 * record that cannot be read is logged and skipped.
 */
@Component
public class ContactsListener {

  private static final Logger log = LoggerFactory.getLogger(ContactsListener.class);

  private final RegisterContactBook contacts;

  ContactsListener(RegisterContactBook contacts) {
    this.contacts = contacts;
  }

  /** A new consumer group on every start, from the earliest offset, never committing. */
  @KafkaListener(
      id = "contacts",
      topics = Topic.Names.CONTACTS,
      groupId = "#{'knooppunt-workers-contacts-' + T(java.util.UUID).randomUUID()}",
      containerFactory = MeasuresListener.FACTORY)
  void onContacts(String record) {
    if (CloudEventJson.read(record).data() instanceof ContactChainSet set) {
      contacts.offer(set);
      log.info(
          "Contactketen van {}: versie {} ontvangen ({} personen)",
          set.authorityCode(),
          set.version(),
          set.chain().size());
    }
  }
}
