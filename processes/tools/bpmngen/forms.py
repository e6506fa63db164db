import json, sys
out = sys.argv[1]

def s(title, desc=None, **kw):
    d = {'type': 'string', 'title': title}
    if desc: d['description'] = desc
    d.update(kw); return d
def t(title, desc=None, **kw):
    return s(title, desc, minLength=1, **kw)
def dt(title, desc=None, **kw):
    return s(title, desc, format='date-time', **kw)
def b(title, desc=None):
    d = {'type': 'boolean', 'title': title}
    if desc: d['description'] = desc
    return d
def i(title, desc=None, **kw):
    d = {'type': 'integer', 'title': title}
    if desc: d['description'] = desc
    d.update(kw); return d
def e(title, values, desc=None):
    return s(title, desc, enum=values)
def arr(title, items, desc=None, **kw):
    d = {'type': 'array', 'title': title, 'items': items}
    if desc: d['description'] = desc
    d.update(kw); return d
def obj(props, required):
    return {'type': 'object', 'properties': props, 'required': required, 'additionalProperties': False}
def when(field, value, *required):
    """Fields required only for one choice: JSON Schema if/then (the page shows them only then)."""
    return {'if': {'properties': {field: {'const': value}}, 'required': [field]},
            'then': {'required': list(required)}}

# The hub's own keywords (annotations, stripped before JSON Schema validation):
#   x-prefill: a process variable (dotted path) that fills the field beforehand; "nu" = now
#   x-time: "future" (must lie after now) or "past" (must not lie in the future)
#   x-sum: "<list>.<field>": a total that, left empty, is the sum of the lines, else must equal it
FUTURE = {'x-time': 'future'}
PAST = {'x-time': 'past'}

BESLISSER = s('Beslisser', 'Wordt door het knooppunt ingevuld met de ingelogde gebruiker (vier-ogenprincipe); niet handmatig invullen.', readOnly=True)

FORMS = {
 'telefonisch-benaderen': ('Ontvanger telefonisch benaderen',
   'De ontvanger heeft de melding niet bevestigd, ook niet na het reservecontact. Bel de ontvanger en leg de uitkomst vast.',
   {'bereikt': b('Ontvanger bereikt', 'Is de ontvanger telefonisch bereikt en op de hoogte gebracht?'),
    'gesprokenMet': s('Gesproken met', 'Naam en functie van de persoon die is gesproken.'),
    'gesprokenOp': dt('Tijdstip gesprek', 'Ingevuld met nu; pas aan als het gesprek eerder was.', **{'x-prefill': 'nu'}, **PAST),
    'toelichting': s('Toelichting')}, ['bereikt'], [when('bereikt', True, 'gesprokenMet')]),
 'gebied-corrigeren': ('Gebied corrigeren',
   'Het opgegeven gebied is onbekend. Geef de juiste provincies, veiligheidsregio\'s of gemeenten op.',
   {'soort': e('Soort gebied', ['PROVINCIE', 'VEILIGHEIDSREGIO', 'GEMEENTE']),
    'codes': arr('Codes', {'type': 'string', 'minLength': 1}, 'Provinciecodes, VR-codes (bijv. VR09) of CBS-gemeentecodes (bijv. GM0344).', minItems=1),
    'naam': t('Naam van het gebied', 'Bijvoorbeeld "provincie Utrecht".')}, ['soort', 'codes', 'naam']),
 'informatie-delen': ('Relevante (opsporings)informatie delen',
   'Politie en OM delen relevante (opsporings)informatie vóór het afkondigen en vóór het verlengen van dreigingsniveau 5.',
   {'samenvatting': t('Samenvatting', 'Wat is er bekend dat relevant is voor het dreigingsniveau?'),
    'dreigingsinschatting': e('Dreigingsinschatting', ['VERVOLGDREIGING_ACUUT', 'VERVOLGDREIGING_MOGELIJK', 'GEEN_AANWIJZINGEN']),
    'opsporingsbelang': s('Opsporingsbelang', 'Wat mag niet naar buiten in het belang van het onderzoek?'),
    'vertrouwelijkheid': e('Rubricering', ['OPENBAAR', 'DEPARTEMENTAAL_VERTROUWELIJK', 'STAATSGEHEIM_CONFIDENTIEEL']),
    'gedeeldDoor': t('Gedeeld door', 'Naam en organisatie (politie of OM).')},
   ['samenvatting', 'dreigingsinschatting', 'vertrouwelijkheid', 'gedeeldDoor']),
 'afstemming-lokaal-gezag': ('Afstemmen met lokaal gezag',
   'De veiligheidsregio stemt het voorgenomen dreigingsniveau 5 af met het lokaal gezag (burgemeester(s)). Zonder reactie binnen de termijn wordt stilzwijgen vastgelegd en gaat het besluit door.',
   {'standpuntGezag': e('Standpunt lokaal gezag', ['STEUNT', 'STEUNT_MET_KANTTEKENINGEN', 'BEZWAAR']),
    'maatregelen': s('Voorgenomen lokale maatregelen', 'Bijvoorbeeld: binnenblijfadvies, afsluitingen, extra bewaking.'),
    'toelichting': s('Toelichting')}, ['standpuntGezag']),
 'besluit-dreigingsniveau': ('Besluit dreigingsniveau 5',
   'De NCTV besluit over het afkondigen van dreigingsniveau 5. De voorsteller mag niet zelf besluiten (vier-ogenprincipe).',
   {'uitkomst': e('Besluit', ['AFKONDIGEN', 'NIET_AFKONDIGEN']),
    'eindtijd': dt('Geldig tot', 'Ingevuld met de voorgestelde eindtijd. Een uur ervoor volgt een herbeoordeling.',
                   **{'x-prefill': 'voorgesteldEinde'}, **FUTURE),
    'motivering': t('Motivering'),
    'beslisser': BESLISSER}, ['uitkomst', 'motivering', 'beslisser'], [when('uitkomst', 'AFKONDIGEN', 'eindtijd')]),
 'publiekscommunicatie': ('Publiekscommunicatie',
   'Crisiscommunicatie met drie doelen: de maatschappij informeren, schade beperken door handelingsperspectief te bieden, en betekenis geven (duiding). Pas na het informeren van alle gezagen en partners.',
   {'informeren': t('Informeren', 'Wat is er aan de hand en wat betekent het dreigingsniveau?'),
    'handelingsperspectief': t('Handelingsperspectief', 'Wat kunnen mensen doen? Bijvoorbeeld: volg de aanwijzingen van de lokale autoriteiten.'),
    'duiding': t('Duiding', 'Plaats de situatie in een breder perspectief.'),
    'kanalen': arr('Kanalen', {'type': 'string', 'enum': ['PERSBERICHT', 'NL_ALERT', 'CRISIS_NL', 'SOCIALE_MEDIA', 'WEBSITE']}, minItems=1, uniqueItems=True)},
   ['informeren', 'handelingsperspectief', 'duiding', 'kanalen']),
 'herbeoordeling': ('Herbeoordeling dreigingsniveau 5',
   'Vóór de eindtijd: verlengen (met nieuwe eindtijd) of afschalen, op basis van actuele informatie van politie en OM.',
   {'uitkomst': e('Uitkomst', ['VERLENGEN', 'AFSCHALEN']),
    'nieuweEindtijd': dt('Nieuwe eindtijd', 'Een uur ervoor volgt de volgende herbeoordeling.', **FUTURE),
    'motivering': t('Motivering'),
    'beslisser': BESLISSER}, ['uitkomst', 'motivering', 'beslisser'], [when('uitkomst', 'VERLENGEN', 'nieuweEindtijd')]),
 'besluit-afschaling': ('Besluit afschaling',
   'Besluit over het afschalingsvoorstel: het nieuwe dreigingsniveau, of niveau 5 handhaven. De voorsteller mag niet zelf besluiten.',
   {'uitkomst': e('Besluit', ['AFSCHALEN', 'HANDHAVEN']),
    'nieuwNiveau': i('Nieuw dreigingsniveau', 'Ingevuld met het landelijke niveau 3 (aanzienlijk). 1 minimaal, 2 beperkt, 3 aanzienlijk, 4 substantieel.',
                     minimum=1, maximum=4, default=3),
    'motivering': t('Motivering'),
    'beslisser': BESLISSER}, ['uitkomst', 'motivering', 'beslisser'], [when('uitkomst', 'AFSCHALEN', 'nieuwNiveau')]),
 'evaluatie': ('Evaluatie en lessen',
   'Leg vast wat goed ging, wat beter moet en welke acties volgen, zodat lessen met alle veiligheidsregio\'s gedeeld worden.',
   {'watGingGoed': t('Wat ging goed'),
    'verbeterpunten': arr('Verbeterpunten', {'type': 'string', 'minLength': 1}),
    'acties': arr('Acties', {'type': 'object', 'properties': {
        'actie': t('Actie'), 'eigenaar': t('Eigenaar'), 'gereedOp': s('Gereed op', format='date')},
        'required': ['actie', 'eigenaar'], 'additionalProperties': False}),
    'delenMetRegios': b('Delen met alle veiligheidsregio\'s'),
    'evaluatieDoor': t('Evaluatie door')}, ['watGingGoed', 'verbeterpunten', 'delenMetRegios', 'evaluatieDoor']),
 'bevestiging-opschaling': ('Opschaling bevestigen',
   'Bevestig de opschaling van de regionale crisisorganisatie. Bij een mogelijk terroristisch motief is het advies direct GRIP 3.',
   {'gripNiveau': e('GRIP-niveau', ['GRIP_1', 'GRIP_2', 'GRIP_3', 'GRIP_4', 'GRIP_RIJK']),
    'opgeschaaldOp': dt('Opgeschaald op', 'Ingevuld met nu; pas aan als de opschaling eerder was.', **{'x-prefill': 'nu'}, **PAST),
    'toelichting': s('Toelichting', 'Verplicht als van het advies wordt afgeweken.')}, ['gripNiveau', 'opgeschaaldOp']),
 'escalatie': ('Escalatie afhandelen',
   'Een taak is niet binnen de termijn afgehandeld. Neem contact op en leg vast wat is ondernomen.',
   {'ondernomenActie': t('Ondernomen actie'),
    'toelichting': s('Toelichting')}, ['ondernomenActie']),
 'leiding-en-publieksoproepen': ('Leiding bevestigen en publieksoproepen',
   'De officier van justitie bevestigt de leiding over het opsporingsonderzoek en besluit over publieksoproepen.',
   {'leidingBevestigd': b('Leiding bevestigd'),
    'officierVanJustitie': s('Officier van justitie', 'Wordt ingevuld met uw naam: wie de leiding bevestigt.', readOnly=True),
    'opsporingsberichtMetFotoNaam': b('Opsporingsbericht met foto/naam'),
    'nlAlert': b('NL-Alert'),
    'burgernet': b('Burgernet'),
    'toelichting': s('Toelichting')},
   ['leidingBevestigd', 'officierVanJustitie', 'opsporingsberichtMetFotoNaam', 'nlAlert', 'burgernet']),
 'overweging-dreigingsniveau': ('Dreigingsniveau 5 overwegen',
   'Bij een mogelijk terroristisch motief overweegt de NCTV dreigingsniveau 5 voor het getroffen gebied. Een voorstel start een gekoppelde afkondigingsprocedure (met vier ogen).',
   {'voorstellen': b('Dreigingsniveau 5 voorstellen'),
    'gebied': {'type': 'object', 'title': 'Gebied', 'description': 'Leeg laten: dan geldt de provincie van de aanslag (zoals in Utrecht op 18 maart 2019).', 'properties': {
        'soort': e('Soort gebied', ['PROVINCIE', 'VEILIGHEIDSREGIO', 'GEMEENTE']),
        'codes': arr('Codes', {'type': 'string', 'minLength': 1}, minItems=1),
        'naam': t('Naam')}, 'required': ['soort', 'codes', 'naam'], 'additionalProperties': False},
    'reden': s('Reden'),
    'beslisser': BESLISSER}, ['voorstellen', 'beslisser']),
 'beoordeling-locc': ('Bijstandsaanvraag beoordelen',
   'Het LOCC beoordeelt de bijstandsaanvraag: accepteren (aanbodronde), afwijzen, of om aanvullende informatie vragen.',
   {'uitkomst': e('Uitkomst', ['ACCEPTEREN', 'AFWIJZEN', 'MEER_INFORMATIE']),
    'gevraagdeInformatie': s('Gevraagde informatie', 'Wat moet de regio nog aanleveren?'),
    'motivering': t('Motivering'),
    'beoordeeldDoor': t('Beoordeeld door')}, ['uitkomst', 'motivering', 'beoordeeldDoor'],
   [when('uitkomst', 'MEER_INFORMATIE', 'gevraagdeInformatie')]),
 'aanvullende-informatie': ('Aanvullende informatie aanleveren',
   'Het LOCC vraagt aanvullende informatie bij de bijstandsaanvraag.',
   {'aanvullendeInformatie': t('Aanvullende informatie'),
    'aantal': i('Aangepast aantal', 'Alleen invullen als het gevraagde aantal wijzigt.', minimum=1)}, ['aanvullendeInformatie']),
 'aanbod-bijstand': ('Bijstand aanbieden',
   'Kan uw regio (een deel van) de gevraagde capaciteit leveren? Zonder reactie binnen de termijn geldt: geen aanbod.',
   {'aangeboden': b('Wij bieden bijstand aan'),
    'aantal': i('Aantal eenheden', minimum=0),
    'beschikbaarVanaf': dt('Beschikbaar vanaf'),
    'toelichting': s('Toelichting')}, ['aangeboden'], [when('aangeboden', True, 'aantal')]),
 'escalatie-onvoldoende-aanbod': ('Onvoldoende aanbod',
   'De aanbodronde leverde minder op dan gevraagd. Het hoofd LOCC besluit: toewijzen wat er is, of afwijzen.',
   {'beslissing': e('Beslissing', ['DEELTOEWIJZING', 'AFWIJZEN']),
    'toelichting': t('Toelichting')}, ['beslissing', 'toelichting']),
 'toewijzing': ('Toewijzing opstellen',
   'Wijs de aangeboden capaciteit toe aan de leverende regio\'s.',
   {'regels': arr('Toewijzing', {'type': 'object', 'properties': {
        'vrCode': s('Veiligheidsregio', pattern='^VR[0-9]{2}$'), 'aantal': i('Aantal', minimum=1)},
        'required': ['vrCode', 'aantal'], 'additionalProperties': False}, 'Ingevuld met het voorstel van het knooppunt (buurregio\'s en vroegste aankomst eerst).',
        minItems=1, **{'x-prefill': 'toewijzingsvoorstel.regels'}),
    'toelichting': s('Toelichting')}, ['regels']),
 'besluit-bijstand': ('Besluit bijstand',
   'Het hoofd LOCC besluit namens de minister over de bijstand.',
   {'uitkomst': e('Besluit', ['TOEGEKEND', 'AFGEWEZEN']),
    'motivering': t('Motivering'),
    'beslisser': BESLISSER}, ['uitkomst', 'motivering', 'beslisser']),
 'besluit-verlenging': ('Verlenging van de inzet beoordelen',
   'De aanvragende regio vraagt om verlenging van de bijstand.',
   {'uitkomst': e('Besluit', ['TOEGEKEND', 'AFGEWEZEN']),
    'nieuwEinde': dt('Nieuw einde', 'Ingevuld met het gevraagde einde.', **{'x-prefill': 'verlengingsverzoek.tot'}, **FUTURE),
    'motivering': t('Motivering'),
    'beslisser': BESLISSER}, ['uitkomst', 'motivering', 'beslisser'], [when('uitkomst', 'TOEGEKEND', 'nieuwEinde')]),
 'kostenregistratie': ('Kosten registreren',
   'Registreer de kosten van de geleverde bijstand per leverende regio.',
   {'regels': arr('Kosten per regio', {'type': 'object', 'properties': {
        'vrCode': s('Veiligheidsregio', pattern='^VR[0-9]{2}$'), 'bedrag': {'type': 'number', 'title': 'Bedrag (EUR)', 'minimum': 0},
        'omschrijving': t('Omschrijving')}, 'required': ['vrCode', 'bedrag', 'omschrijving'], 'additionalProperties': False}, minItems=1),
    'totaal': {'type': 'number', 'title': 'Totaal (EUR)', 'minimum': 0,
               'description': 'Leeg laten: het knooppunt telt de regels op. Ingevuld moet het gelijk zijn aan de som.',
               'x-sum': 'regels.bedrag'},
    'toelichting': s('Toelichting')}, ['regels']),
}
for name, form in FORMS.items():
    title, desc, props, req = form[:4]
    schema = {'$schema': 'https://json-schema.org/draft/2020-12/schema',
              '$id': f'https://knooppunt.nl/forms/{name}.schema.json',
              'title': title, 'description': desc}
    schema.update(obj(props, req))
    if len(form) > 4:
        schema['allOf'] = form[4]
    with open(f'{out}/{name}.schema.json', 'w') as fh:
        json.dump(schema, fh, ensure_ascii=False, indent=2); fh.write('\n')
print(len(FORMS))
