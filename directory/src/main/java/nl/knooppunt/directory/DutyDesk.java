package nl.knooppunt.directory;

/**
 * The organisation whose officer on duty closes an authority's contact chain: the veiligheidsregio
 * of a burgemeester or voorzitter, the police unit of a politiechef, the parket of the OM, a
 * national partner's own desk.
 *
 * @param code the directory code of the organisation (e.g. {@code VR09}, {@code MIDDEN-NEDERLAND})
 * @param name its readable name, e.g. "Veiligheidsregio Utrecht"
 * @param officer the title of its officer on duty, e.g. "officier van dienst"
 */
public record DutyDesk(String code, String name, String officer) {}
