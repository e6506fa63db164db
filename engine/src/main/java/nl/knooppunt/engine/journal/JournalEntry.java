package nl.knooppunt.engine.journal;

import nl.knooppunt.engine.command.Command;

/** One journal entry: a command and the engine time it was processed at. */
public record JournalEntry(long time, Command command) {}
