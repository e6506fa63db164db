from dsl import Process

LO = 'landelijk-operator'
NCTV = 'nctv-besluitvormer'
COMM = 'communicatieadviseur'
LOCC = 'locc-officier'
HLOCC = 'hoofd-locc'
POL_OM = 'politie,om'
OM = 'om'


def regio(expr):
    return '=["regio-" + ' + expr + ']'


def escalation(p, host, slot, duration, target_id, target_pos, end_pos, taak, naar=LO, name=None):
    """Non-interrupting SLA timer with an escalation notice to the duty officer."""
    b = p.boundary(f'SLA_{host}', name or f'SLA {duration} verstreken', host, slot,
                   timer=('duration', duration), interrupting=False)
    p.service(target_id, 'Escaleren naar landelijk operator', 'knooppunt.sla.escaleren', target_pos,
              headers={'taak': taak, 'escalerenNaar': naar, 'sla': duration})
    p.end(f'Einde_{target_id}', 'Escalatie verstuurd', end_pos)
    p.flow(b.id, target_id)
    p.flow(target_id, f'Einde_{target_id}')


def reminder(p, host, slot, duration, target_id, target_pos, end_pos, taak):
    b = p.boundary(f'Herinnering_{host}', f'Herinnering na {duration}', host, slot,
                   timer=('duration', duration), interrupting=False)
    p.service(target_id, 'Herinnering sturen', 'knooppunt.sla.herinneren', target_pos,
              headers={'taak': taak, 'sla': duration})
    p.end(f'Einde_{target_id}', 'Herinnering verstuurd', end_pos)
    p.flow(b.id, target_id)
    p.flow(target_id, f'Einde_{target_id}')


def informeer(p, id, name, pos, soort, onderwerp, tekst, ontvangers, referentie, resultaat, sla='PT15M',
              gebied='null', geldig_tot='null', niveau='null'):
    """A notification round (call activity informeer-gezagen). The bericht travels in parts (FEEL
    expressions): tekst is the one line of what happened; gebied (area name), geldigTot (ISO instant
    until which the decision holds) and niveau (the level in force after the decision) are optional.
    The worker composes the notice from them, with what is expected of the recipient."""
    return p.call(id, name, pos, inputs=[
        ('=crisisId', 'crisisId'),
        ('=exercise', 'exercise'),
        (ontvangers, 'ontvangers'),
        ('={soort: "' + soort + '", onderwerp: ' + onderwerp + ', tekst: ' + tekst + ', gebied: ' + gebied
         + ', geldigTot: ' + geldig_tot + ', niveau: ' + niveau + '}', 'bericht'),
        (referentie, 'referentie'),
        ('="' + sla + '"', 'slaBevestiging'),
    ], outputs=[('=bevestigingen', resultaat)])


def meldingen_verstuurd(p, id, pos, referentie):
    """Waits until informeer-gezagen has SENT every notice of the round with this referentie (not until
    everyone acknowledged): the round publishes knooppunt.melding.ronde-verstuurd with key referentie. The
    input maps the same expression as the call activity's referentie, so the subscription key is
    =referentie in both processes."""
    return p.catch_msg(id, 'Alle meldingen verstuurd', pos, 'knooppunt.melding.ronde-verstuurd', '=referentie',
                       inputs=[(referentie, 'referentie')])


EVALUATIE_OUT = [('={watGingGoed: watGingGoed, verbeterpunten: verbeterpunten, acties: acties, '
                  'delenMetRegios: delenMetRegios, evaluatieDoor: evaluatieDoor}', 'evaluatie')]


def vier_ogen(p, id, pos, besluit, voorsteller, beslisser, log_id, log_pos, back_to, back_route):
    p.service(id, 'Vier-ogenprincipe controleren', 'knooppunt.besluit.vier-ogen-controleren', pos,
              headers={'besluit': besluit},
              inputs=[(voorsteller, 'voorsteller'), (beslisser, 'beslisser')])
    b = p.boundary(f'Fout_{id}', 'Voorsteller mag niet beslissen', id, 0.5,
                   error=('VIER_OGEN_GESCHONDEN', 'Vier-ogenprincipe geschonden'))
    p.service(log_id, 'Weigering vastleggen (vier ogen)', 'knooppunt.logboek.vastleggen', log_pos,
              headers={'gebeurtenis': 'VIER_OGEN_GEWEIGERD', 'besluit': besluit})
    p.flow(b.id, log_id)
    p.flow(log_id, back_to, route=back_route)


# ---------------------------------------------------------------- informeer-gezagen
def bevestiging(route):
    return ('={ontvanger: ontvanger.code, notificatieId: notificatieId, status: "BEVESTIGD", '
            'route: "' + route + '", bevestigdOp: bevestigdOp, bevestigdDoor: bevestigdDoor}', 'bevestiging')


def informeer_gezagen():
    p = Process('informeer-gezagen', 'Gezagen en partners informeren',
                'Herbruikbaar, in twee fasen. Fase 1: verstuurt de melding naar iedere ontvanger '
                '(multi-instance, alleen versturen) en meldt daarna dat de ronde verstuurd is (bericht '
                'knooppunt.melding.ronde-verstuurd, sleutel referentie), zodat het aanroepende proces niet '
                'op de traagste bevestiging wacht. Fase 2: wacht per ontvanger op de bevestiging '
                '(gecorreleerd op notificatieId), benadert na de SLA (of direct als het primaire kanaal '
                'onbereikbaar was) het fallback-contact en daarna telefonisch via de landelijk operator. '
                'Levert per ontvanger wie wanneer en via welke route bevestigde. Aangeroepen als call '
                'activity; de evaluatie hoort bij het aanroepende proces.')
    p.start('Start_Informeren', 'Ontvangers informeren', (0, 2))
    # fase 1: alleen versturen
    with p.sub('Per_Ontvanger_Versturen', 'Fase 1: melding versturen per ontvanger',
               inputs=[('=referentie + "/" + ontvanger.code', 'notificatieId'), ('=null', 'verzending')],
               mi=dict(collection='=ontvangers', element='ontvanger', outputCollection='verzendingen',
                       outputElement='=verzending')):
        p.start('Start_Verzending', 'Ontvanger aan de beurt', (1, 2))
        p.send('Melding_Versturen', 'Melding versturen', 'knooppunt.melding.versturen', (2, 2),
               headers={'kanaal': 'PRIMAIR'},
               outputs=[('={ontvanger: ontvanger, notificatieId: notificatieId, bereikbaar: true}', 'verzending')])
        p.end('Einde_Verstuurd', 'Verstuurd', (3, 2))
        onb = p.boundary('Onbereikbaar', 'Kanaal onbereikbaar', 'Melding_Versturen', 0.5,
                         error=('ONTVANGER_ONBEREIKBAAR', 'Ontvanger onbereikbaar via primair kanaal'),
                         outputs=[('={ontvanger: ontvanger, notificatieId: notificatieId, bereikbaar: false}',
                                   'verzending')])
        p.end('Einde_Onbereikbaar', 'Onbereikbaar vastgelegd', (3, 3))
        p.chain('Start_Verzending', 'Melding_Versturen', 'Einde_Verstuurd')
        p.flow(onb.id, 'Einde_Onbereikbaar')
    p.send('Verzending_Melden', 'Melden: alle meldingen verstuurd', 'knooppunt.melding.ronde-verstuurd', (4.6, 2))
    # fase 2: per ontvanger bevestiging afwachten en escaleren
    with p.sub('Per_Ontvanger', 'Fase 2: per ontvanger bevestiging afwachten en escaleren',
               inputs=[('=verzending.ontvanger', 'ontvanger'), ('=verzending.notificatieId', 'notificatieId'),
                       ('=null', 'bevestiging')],
               mi=dict(collection='=verzendingen', element='verzending', outputCollection='bevestigingen',
                       outputElement='=bevestiging')):
        p.start('Start_Ontvanger', 'Melding verstuurd', (6, 2))
        p.xgw('Bereikbaar', 'Primair kanaal bereikbaar?', (7, 2))
        p.egw('Wacht_Bevestiging', 'Bevestiging of stilte?', (8, 2))
        p.catch_msg('Bevestiging_Ontvangen', 'Bevestiging ontvangen', (9, 2), 'knooppunt.melding.bevestigd',
                    '=notificatieId', outputs=[bevestiging('KANAAL')])
        p.end('Einde_Bevestigd', 'Bevestigd', (10, 2))
        p.catch_timer('SLA_Bevestiging', 'SLA bevestiging verstreken', (9, 3), ('duration', '=slaBevestiging'))
        p.xgw('Naar_Fallback', 'Fallback nodig', (10, 3))
        p.send('Fallback_Versturen', 'Fallback-contact benaderen', 'knooppunt.melding.fallback-versturen', (11, 3),
               headers={'kanaal': 'FALLBACK'})
        p.egw('Wacht_Fallback', 'Bevestiging na fallback?', (12, 3))
        p.catch_msg('Bevestiging_Fallback', 'Bevestiging na fallback', (13, 3), 'knooppunt.melding.bevestigd',
                    '=notificatieId', outputs=[bevestiging('FALLBACK')])
        p.end('Einde_Fallback_Bevestigd', 'Bevestigd na fallback', (14, 3))
        p.catch_timer('SLA_Fallback', 'SLA fallback verstreken', (13, 4), ('duration', '=slaBevestiging'))
        p.user('Ontvanger_Bellen', 'Ontvanger telefonisch benaderen', 'telefonisch-benaderen', LO, 'PT30M', (14, 4),
               outputs=[('={ontvanger: ontvanger.code, notificatieId: notificatieId, '
                         'status: if bereikt = true then "TELEFONISCH_BEVESTIGD" else "NIET_BEREIKT", '
                         'route: "TELEFOON", bevestigdOp: gesprokenOp, bevestigdDoor: gesprokenMet, '
                         'toelichting: toelichting}', 'bevestiging')])
        p.end('Einde_Gebeld', 'Telefonisch afgehandeld', (15, 4))
        late = p.boundary('Bevestiging_Alsnog', 'Bevestiging alsnog ontvangen', 'Ontvanger_Bellen', 0.5,
                          message='knooppunt.melding.bevestigd', corr='=notificatieId',
                          outputs=[bevestiging('NA_ESCALATIE')])
        p.end('Einde_Alsnog_Bevestigd', 'Late bevestiging vastgelegd', (15, 5))
        p.flow('Start_Ontvanger', 'Bereikbaar')
        p.flow('Bereikbaar', 'Wacht_Bevestiging', name='ja', cond='=verzending.bereikbaar = true')
        p.flow('Bereikbaar', 'Naar_Fallback', name='nee', default=True, route=[(7, 3.6), (10, 3.6)])
        p.chain('Wacht_Bevestiging', 'Bevestiging_Ontvangen', 'Einde_Bevestigd')
        p.chain('Wacht_Bevestiging', 'SLA_Bevestiging', 'Naar_Fallback', 'Fallback_Versturen', 'Wacht_Fallback',
                'Bevestiging_Fallback', 'Einde_Fallback_Bevestigd')
        p.chain('Wacht_Fallback', 'SLA_Fallback', 'Ontvanger_Bellen', 'Einde_Gebeld')
        p.flow(late.id, 'Einde_Alsnog_Bevestigd')
    p.service('Resultaat_Vastleggen', 'Resultaat vastleggen', 'knooppunt.melding.resultaat-vastleggen', (17, 2))
    p.end('Einde_Informeren', 'Ontvangers geïnformeerd', (18, 2))
    p.chain('Start_Informeren', 'Per_Ontvanger_Versturen', 'Verzending_Melden', 'Per_Ontvanger',
            'Resultaat_Vastleggen', 'Einde_Informeren')
    return p


# ---------------------------------------------------------------- dreigingsniveau-5
def dreigingsniveau_5():
    p = Process('dreigingsniveau-5', 'Dreigingsniveau 5 afkondigen, verlengen en afschalen',
                'Stappenplan afkondiging dreigingsniveau 5 voor een deel van het land (provincies, '
                'veiligheidsregio\'s of gemeenten): relevante (opsporings)informatie van politie/OM vóór '
                'afkondigen en vóór verlengen, afstemming met het lokaal gezag, besluit NCTV met vier ogen, '
                'eerst alle gezagen en partners informeren, dan publiekscommunicatie met drie doelen '
                '(informeren, handelingsperspectief, duiding). Afschaling kan op elk moment worden '
                'voorgesteld. Eindigt met evaluatie (PDCA).')
    Y = 2
    p.start('Start_Voorstel', 'Voorstel dreigingsniveau 5 (landelijk operator)', (0, Y))
    p.start('Start_Voorstel_Manhunt', 'Voorstel vanuit manhunt', (0, 3.3), message='knooppunt.dreigingsniveau.voorstel')
    p.xgw('Voorstel_Samen', None or 'Voorstel ontvangen', (1, Y))
    p.service('Crisis_Registreren', 'Crisis registreren', 'knooppunt.crisis.registreren', (2, Y),
              headers={'proces': 'dreigingsniveau-5'})
    p.xgw('Gebied_Samen', 'Gebied bepalen', (3, Y))
    p.service('Gebied_Bepalen', 'Getroffen gebied, regio\'s en gezagen bepalen', 'knooppunt.gebied.bepalen', (4, Y),
              inputs=[('=gebied', 'gebied')],
              outputs=[('=betrokkenRegios', 'betrokkenRegios'), ('=ontvangers', 'ontvangers')])
    geb = p.boundary('Gebied_Onbekend', 'Gebied onbekend', 'Gebied_Bepalen', 0.5,
                     error=('GEBIED_ONBEKEND', 'Gebied onbekend'))
    p.user('Gebied_Corrigeren', 'Gebied corrigeren', 'gebied-corrigeren', LO, 'PT15M', (4, 3.3),
           outputs=[('={soort: soort, codes: codes, naam: naam}', 'gebied')])
    p.flow(geb.id, 'Gebied_Corrigeren')
    p.flow('Gebied_Corrigeren', 'Gebied_Samen', route=[(3, 3.3)])
    p.flow('Start_Voorstel', 'Voorstel_Samen')
    p.flow('Start_Voorstel_Manhunt', 'Voorstel_Samen')
    p.chain('Voorstel_Samen', 'Crisis_Registreren', 'Gebied_Samen', 'Gebied_Bepalen')

    # informatie en afstemming
    p.pgw('Voorbereiding_Splitsen', 'Informatie en afstemming', (5, Y))
    p.user('Informatie_Delen', 'Relevante (opsporings)informatie delen vóór afkondiging', 'informatie-delen',
           POL_OM, 'PT1H', (7, 0.8),
           outputs=[('={samenvatting: samenvatting, dreigingsinschatting: dreigingsinschatting, '
                     'opsporingsbelang: opsporingsbelang, vertrouwelijkheid: vertrouwelijkheid, '
                     'gedeeldDoor: gedeeldDoor}', 'opsporingsinformatie')])
    escalation(p, 'Informatie_Delen', 0.5, 'PT1H', 'Escaleren_Informatie', (8, 1.75), (9, 1.75), 'Informatie_Delen')
    with p.sub('Afstemming_Per_Regio', 'Per regio afstemmen met lokaal gezag',
               mi=dict(collection='=betrokkenRegios', element='vrCode', outputCollection='afstemmingen',
                       outputElement='=afstemming')):
        p.start('Start_Afstemming', 'Regio aan de beurt', (6, 3.2))
        p.user('Afstemmen_Lokaal_Gezag', 'Afstemmen met lokaal gezag', 'afstemming-lokaal-gezag',
               regio('vrCode'), 'PT1H', (7, 3.2),
               outputs=[('={vrCode: vrCode, reactie: "AFGESTEMD", standpuntGezag: standpuntGezag, '
                         'maatregelen: maatregelen, toelichting: toelichting}', 'afstemming')])
        b = p.boundary('Stilzwijgen_Regio', 'Geen reactie binnen SLA', 'Afstemmen_Lokaal_Gezag', 0.5,
                       timer=('duration', 'PT1H'))
        p.service('Stilzwijgen_Vastleggen', 'Stilzwijgen vastleggen', 'knooppunt.logboek.vastleggen', (8, 4.3),
                  headers={'gebeurtenis': 'STILZWIJGEN_REGIO'},
                  outputs=[('={vrCode: vrCode, reactie: "GEEN_REACTIE", standpuntGezag: null, '
                            'maatregelen: null, toelichting: "Geen reactie binnen de SLA"}', 'afstemming')])
        p.end('Einde_Afgestemd', 'Afgestemd', (9, 3.2))
        p.end('Einde_Stilzwijgen', 'Stilzwijgen vastgelegd', (9, 4.3))
        p.chain('Start_Afstemming', 'Afstemmen_Lokaal_Gezag', 'Einde_Afgestemd')
        p.flow(b.id, 'Stilzwijgen_Vastleggen')
        p.flow('Stilzwijgen_Vastleggen', 'Einde_Stilzwijgen')
    p.pgw('Voorbereiding_Samen', 'Informatie en afstemming gereed', (10.2, Y))
    p.flow('Gebied_Bepalen', 'Voorbereiding_Splitsen')
    p.flow('Voorbereiding_Splitsen', 'Informatie_Delen')
    p.flow('Voorbereiding_Splitsen', 'Afstemming_Per_Regio')
    p.flow('Informatie_Delen', 'Voorbereiding_Samen')
    p.flow('Afstemming_Per_Regio', 'Voorbereiding_Samen')

    # besluit
    p.user('Besluit_Afkondiging', 'Besluit dreigingsniveau 5 (NCTV)', 'besluit-dreigingsniveau', NCTV, 'PT30M',
           (11.2, Y), outputs=[('={uitkomst: uitkomst, eindtijd: eindtijd, motivering: motivering, '
                                'beslisser: beslisser}', 'besluit'), ('=eindtijd', 'eindtijd')])
    vier_ogen(p, 'Vier_Ogen_Afkondiging', (12.2, Y), 'AFKONDIGING', '=voorgesteldDoor', '=besluit.beslisser',
              'Weigering_Afkondiging', (12.2, 3.1), 'Besluit_Afkondiging', [(11.2, 3.1)])
    p.xgw('Afkondigen', 'Afkondigen?', (13.2, Y))
    p.chain('Voorbereiding_Samen', 'Besluit_Afkondiging', 'Vier_Ogen_Afkondiging', 'Afkondigen')

    # afkondigen
    p.service('Niveau_Registreren', 'Dreigingsniveau 5 registreren', 'knooppunt.dreigingsniveau.registreren',
              (14.2, Y), headers={'actie': 'AFKONDIGEN'}, inputs=[('=5', 'niveau')])
    ref_afkondiging = '=crisisId + "/afkondiging"'
    p.pgw('Afkondiging_Splitsen', 'Informeren en publiek', (15.2, Y))
    informeer(p, 'Informeren_Afkondiging', 'Alle gezagen en partners informeren (vóór publiek)', (16.2, 0.8),
              'AFKONDIGING', '"Dreigingsniveau 5 afgekondigd"',
              '"De NCTV heeft dreigingsniveau 5 afgekondigd voor " + gebied.naam + "."', '=ontvangers',
              ref_afkondiging, 'bevestigingenAfkondiging', gebied='gebied.naam', geldig_tot='eindtijd', niveau='5')
    p.end('Einde_Bevestigingen_Afkondiging', 'Bevestigingen verwerkt', (17.2, 0.8))
    meldingen_verstuurd(p, 'Meldingen_Verstuurd_Afkondiging', (16.2, Y), ref_afkondiging)
    p.user('Communicatie_Afkondiging', 'Publiekscommunicatie opstellen (informeren, handelingsperspectief, duiding)',
           'publiekscommunicatie', COMM, 'PT30M', (17.2, Y),
           outputs=[('={fase: "AFKONDIGING", informeren: informeren, handelingsperspectief: handelingsperspectief, '
                     'duiding: duiding, kanalen: kanalen}', 'publiekeCommunicatie')])
    p.service('Publiceren_Afkondiging', 'Publiekscommunicatie publiceren', 'knooppunt.communicatie.publiceren',
              (18.2, Y), headers={'fase': 'AFKONDIGING'})
    c1 = p.boundary('Onvolledig_Afkondiging', 'Drie doelen niet volledig', 'Publiceren_Afkondiging', 0.5,
                    error=('COMMUNICATIE_ONVOLLEDIG', 'Publiekscommunicatie onvolledig'))
    p.flow(c1.id, 'Communicatie_Afkondiging', route=[(18.2, 3.0), (17.2, 3.0)])
    p.flow('Afkondigen', 'Niveau_Registreren', name='ja', cond='=besluit.uitkomst = "AFKONDIGEN"')
    p.chain('Niveau_Registreren', 'Afkondiging_Splitsen', 'Meldingen_Verstuurd_Afkondiging',
            'Communicatie_Afkondiging', 'Publiceren_Afkondiging')
    p.chain('Afkondiging_Splitsen', 'Informeren_Afkondiging', 'Einde_Bevestigingen_Afkondiging')
    p.xgw('Van_Kracht_Samen', 'Niveau 5 van kracht', (19.2, Y))
    p.flow('Publiceren_Afkondiging', 'Van_Kracht_Samen')

    # van kracht: herbeoordeling en verlenging
    with p.sub('Van_Kracht', 'Dreigingsniveau 5 van kracht', pad=(0.55, 1.0, 0.55, 0.55)):
        p.start('Start_Van_Kracht', 'Niveau 5 van kracht', (20.2, Y))
        p.xgw('Herbeoordeling_Samen', 'Herbeoordeling', (21.2, Y))
        p.catch_timer('Voor_Einde', 'Herbeoordeling vóór eindtijd', (22.2, Y),
                      ('date', '=date and time(eindtijd) - duration("PT1H")'))
        p.user('Informatie_Herbeoordeling', 'Actuele (opsporings)informatie delen vóór verlengen',
               'informatie-delen', POL_OM, 'PT30M', (23.2, Y),
               outputs=[('={samenvatting: samenvatting, dreigingsinschatting: dreigingsinschatting, '
                         'opsporingsbelang: opsporingsbelang, vertrouwelijkheid: vertrouwelijkheid, '
                         'gedeeldDoor: gedeeldDoor}', 'opsporingsinformatie')])
        p.user('Herbeoordelen', 'Herbeoordeling: verlengen of afschalen (NCTV)', 'herbeoordeling', NCTV, 'PT30M',
               (24.2, Y),
               outputs=[('={uitkomst: uitkomst, nieuweEindtijd: nieuweEindtijd, motivering: motivering, '
                         'beslisser: beslisser}', 'herbeoordeling'),
                        ('=if uitkomst = "AFSCHALEN" then {voorgesteldDoor: beslisser, reden: motivering, '
                         'bron: "HERBEOORDELING"} else null', 'afschalingsvoorstel')])
        vier_ogen(p, 'Vier_Ogen_Verlenging', (25.2, Y), 'VERLENGING', '=voorgesteldDoor',
                  '=herbeoordeling.beslisser', 'Weigering_Verlenging', (25.2, 3.1), 'Herbeoordelen', [(24.2, 3.1)])
        p.xgw('Verlengen', 'Verlengen?', (26.2, Y))
        p.service('Verlenging_Registreren', 'Verlenging registreren', 'knooppunt.dreigingsniveau.registreren',
                  (27.2, 0.9), headers={'actie': 'VERLENGEN'}, inputs=[('=5', 'niveau')],
                  outputs=[('=herbeoordeling.nieuweEindtijd', 'eindtijd')])
        informeer(p, 'Informeren_Verlenging', 'Gezagen en partners informeren over verlenging', (28.2, 0.9),
                  'VERLENGING', '"Dreigingsniveau 5 verlengd"',
                  '"De NCTV heeft dreigingsniveau 5 voor " + gebied.naam + " verlengd."', '=ontvangers',
                  '=crisisId + "/verlenging/" + string(eindtijd)', 'bevestigingenVerlenging',
                  gebied='gebied.naam', geldig_tot='eindtijd', niveau='5')
        p.end('Einde_Van_Kracht', 'Afschaling voorgesteld', (28.2, Y))
        p.chain('Start_Van_Kracht', 'Herbeoordeling_Samen', 'Voor_Einde', 'Informatie_Herbeoordeling',
                'Herbeoordelen', 'Vier_Ogen_Verlenging', 'Verlengen')
        p.flow('Verlengen', 'Verlenging_Registreren', name='verlengen',
               cond='=herbeoordeling.uitkomst = "VERLENGEN"')
        p.flow('Verlengen', 'Einde_Van_Kracht', name='afschalen', default=True)
        p.flow('Verlenging_Registreren', 'Informeren_Verlenging')
        p.flow('Informeren_Verlenging', 'Herbeoordeling_Samen', route=[(28.2, 0.15), (21.2, 0.15)])
    afs = p.boundary('Afschaling_Voorgesteld', 'Afschaling voorgesteld (op elk moment)', 'Van_Kracht', 0.93,
                     message='knooppunt.dreigingsniveau.afschaling-voorgesteld', corr='=crisisId',
                     outputs=[('={voorgesteldDoor: afschalingVoorgesteldDoor, reden: afschalingReden, '
                               'bron: afschalingBron}', 'afschalingsvoorstel')])
    p.flow('Van_Kracht_Samen', 'Van_Kracht')

    # afschaling
    p.xgw('Afschaling_Samen', 'Afschalingsvoorstel', (30.2, Y))
    p.flow('Van_Kracht', 'Afschaling_Samen')
    p.flow(afs.id, 'Afschaling_Samen', route=[(28.7, 4.1), (30.2, 4.1)])
    p.user('Besluit_Afschaling', 'Besluit afschaling: nieuw niveau (NCTV)', 'besluit-afschaling', NCTV, 'PT30M',
           (31.2, Y), outputs=[('={uitkomst: uitkomst, nieuwNiveau: nieuwNiveau, motivering: motivering, '
                                'beslisser: beslisser}', 'afschalingsbesluit')])
    vier_ogen(p, 'Vier_Ogen_Afschaling', (32.2, Y), 'AFSCHALING', '=afschalingsvoorstel.voorgesteldDoor',
              '=afschalingsbesluit.beslisser', 'Weigering_Afschaling', (32.2, 3.1), 'Besluit_Afschaling',
              [(31.2, 3.1)])
    p.xgw('Handhaven', 'Niveau 5 handhaven?', (33.2, Y))
    p.chain('Afschaling_Samen', 'Besluit_Afschaling', 'Vier_Ogen_Afschaling', 'Handhaven')
    p.flow('Handhaven', 'Van_Kracht_Samen', name='handhaven', cond='=afschalingsbesluit.uitkomst = "HANDHAVEN"',
           route=[(33.2, 4.6), (19.2, 4.6)])
    p.service('Afschaling_Registreren', 'Afschaling registreren', 'knooppunt.dreigingsniveau.registreren',
              (34.2, Y), headers={'actie': 'AFSCHALEN'}, inputs=[('=afschalingsbesluit.nieuwNiveau', 'niveau')])
    p.flow('Handhaven', 'Afschaling_Registreren', name='afschalen', default=True)
    ref_afschaling = '=crisisId + "/afschaling"'
    p.pgw('Afschaling_Splitsen', 'Informeren en publiek', (35.2, Y))
    informeer(p, 'Informeren_Afschaling', 'Alle gezagen en partners informeren over afschaling (vóór publiek)',
              (36.2, 0.8), 'AFSCHALING', '"Dreigingsniveau afgeschaald"',
              '"De NCTV heeft het dreigingsniveau voor " + gebied.naam + " afgeschaald naar "'
              ' + string(afschalingsbesluit.nieuwNiveau) + "."',
              '=ontvangers', ref_afschaling, 'bevestigingenAfschaling', gebied='gebied.naam',
              niveau='afschalingsbesluit.nieuwNiveau')
    p.end('Einde_Bevestigingen_Afschaling', 'Bevestigingen verwerkt', (37.2, 0.8))
    meldingen_verstuurd(p, 'Meldingen_Verstuurd_Afschaling', (36.2, Y), ref_afschaling)
    p.user('Communicatie_Afschaling', 'Publiekscommunicatie afschaling (informeren, handelingsperspectief, duiding)',
           'publiekscommunicatie', COMM, 'PT30M', (37.2, Y),
           outputs=[('={fase: "AFSCHALING", informeren: informeren, handelingsperspectief: handelingsperspectief, '
                     'duiding: duiding, kanalen: kanalen}', 'publiekeCommunicatie')])
    p.service('Publiceren_Afschaling', 'Publiekscommunicatie publiceren', 'knooppunt.communicatie.publiceren',
              (38.2, Y), headers={'fase': 'AFSCHALING'})
    c2 = p.boundary('Onvolledig_Afschaling', 'Drie doelen niet volledig', 'Publiceren_Afschaling', 0.5,
                    error=('COMMUNICATIE_ONVOLLEDIG', 'Publiekscommunicatie onvolledig'))
    p.flow(c2.id, 'Communicatie_Afschaling', route=[(38.2, 3.0), (37.2, 3.0)])
    p.chain('Afschaling_Registreren', 'Afschaling_Splitsen', 'Meldingen_Verstuurd_Afschaling',
            'Communicatie_Afschaling', 'Publiceren_Afschaling')
    p.chain('Afschaling_Splitsen', 'Informeren_Afschaling', 'Einde_Bevestigingen_Afschaling')

    # niet afkondigen
    informeer(p, 'Informeren_Niet_Afgekondigd', 'Betrokkenen informeren: niet afgekondigd', (14.2, 5.4),
              'NIET_AFGEKONDIGD', '"Dreigingsniveau 5 niet afgekondigd"',
              '"De NCTV heeft besloten geen dreigingsniveau 5 af te kondigen voor " + gebied.naam + "."',
              '=ontvangers', '=crisisId + "/niet-afgekondigd"', 'bevestigingenBesluit', gebied='gebied.naam')
    p.flow('Afkondigen', 'Informeren_Niet_Afgekondigd', name='nee', default=True)

    # evaluatie en afsluiten
    p.xgw('Evaluatie_Samen', 'Naar evaluatie', (39.2, Y))
    p.flow('Publiceren_Afschaling', 'Evaluatie_Samen')
    p.flow('Informeren_Niet_Afgekondigd', 'Evaluatie_Samen')
    p.user('Evalueren', 'Evaluatie en lessen', 'evaluatie', LO, 'P14D', (40.2, Y), outputs=EVALUATIE_OUT)
    reminder(p, 'Evalueren', 0.5, 'P7D', 'Herinnering_Evaluatie', (41.2, 3.1), (42.2, 3.1), 'Evalueren')
    p.service('Crisis_Afsluiten', 'Crisis afsluiten', 'knooppunt.crisis.afsluiten', (41.2, Y),
              headers={'proces': 'dreigingsniveau-5'})
    p.end('Einde_Afgesloten', 'Afgesloten', (42.2, Y))
    p.chain('Evaluatie_Samen', 'Evalueren', 'Crisis_Afsluiten', 'Einde_Afgesloten')
    return p


# ---------------------------------------------------------------- manhunt
# The area of a manhunt: its gemeente, or the region when the gemeente is not (yet) known; the
# worker adds the neighbouring regions (header context=MANHUNT).
MANHUNT_GEBIED = ('=if locatie.gemeentecode = null or locatie.gemeentecode = "" '
                  'then {soort: "VEILIGHEIDSREGIO", codes: [locatie.vrCode], naam: locatie.omschrijving} '
                  'else {soort: "GEMEENTE", codes: [locatie.gemeentecode], naam: locatie.omschrijving}')


def manhunt():
    p = Process('manhunt', 'Manhunt',
                'Procedure manhunt: direct GRIP-advies aan de getroffen regio (bij mogelijk terroristisch '
                'oogmerk direct GRIP 3), buurregio\'s, politie-eenheden, KMar en OM informeren, de officier '
                'van justitie bevestigt de leiding en besluit over publieksoproepen, de NCTV overweegt '
                'dreigingsniveau 5. Elke 30 minuten een situatierapport. Eindigt bij aanhouding of '
                'beëindiging: afschalingsberichten, afschalingsvoorstel voor gekoppeld niveau 5, evaluatie.')
    Y = 2.2
    p.start('Start_Manhunt', 'Manhunt gestart (landelijk operator)', (0, Y))
    p.service('Crisis_Registreren', 'Crisis registreren', 'knooppunt.crisis.registreren', (1, Y),
              headers={'proces': 'manhunt'})
    p.service('Partners_Bepalen', 'Getroffen regio, buurregio\'s en partners bepalen', 'knooppunt.gebied.bepalen',
              (2, Y), headers={'context': 'MANHUNT'},
              inputs=[(MANHUNT_GEBIED, 'gebied')],
              outputs=[('=ontvangers', 'ontvangers')])
    p.chain('Start_Manhunt', 'Crisis_Registreren', 'Partners_Bepalen')
    with p.sub('Manhunt_Loopt', 'Manhunt loopt', pad=(0.55, 0.55, 0.55, 0.55)):
        p.start('Start_Loopt', 'Manhunt loopt', (4, Y))
        p.pgw('Direct_Parallel', 'Direct, parallel', (5, Y))
        # A: GRIP
        p.xgw('Motief_Grip', 'Mogelijk terroristisch motief?', (6, 0.6))
        p.send('Grip3_Adviseren', 'Direct GRIP 3 adviseren', 'knooppunt.manhunt.grip-adviseren', (7, -0.1),
               headers={'reden': 'MOGELIJK_TERRORISTISCH_MOTIEF'}, inputs=[('=3', 'gripAdvies')])
        p.send('Grip_Adviseren', 'Opschaling adviseren', 'knooppunt.manhunt.grip-adviseren', (7, 1.2),
               headers={'reden': 'MANHUNT'}, inputs=[('=2', 'gripAdvies')])
        p.xgw('Advies_Samen', 'Advies verstuurd', (8, 0.6))
        p.user('Opschaling_Bevestigen', 'Opschaling bevestigen (regio)', 'bevestiging-opschaling',
               regio('locatie.vrCode'), 'PT15M', (9, 0.6),
               outputs=[('={vrCode: locatie.vrCode, gripNiveau: gripNiveau, opgeschaaldOp: opgeschaaldOp, '
                         'toelichting: toelichting}', 'opschaling')])
        b = p.boundary('SLA_Opschaling', 'Niet bevestigd binnen 15 min', 'Opschaling_Bevestigen', 0.5,
                       timer=('duration', 'PT15M'), interrupting=False)
        p.user('Escalatie_Opschaling', 'Escalatie: opschaling niet bevestigd', 'escalatie', LO, 'PT15M', (10, 1.45),
               outputs=[('={ondernomenActie: ondernomenActie, toelichting: toelichting}', 'escalatieOpschaling')])
        p.end('Einde_Escalatie', 'Escalatie afgehandeld', (11, 1.45))
        p.flow(b.id, 'Escalatie_Opschaling')
        p.flow('Escalatie_Opschaling', 'Einde_Escalatie')
        p.flow('Direct_Parallel', 'Motief_Grip')
        p.flow('Motief_Grip', 'Grip3_Adviseren', name='ja', cond='=mogelijkTerroristischMotief = true')
        p.flow('Motief_Grip', 'Grip_Adviseren', name='nee', default=True)
        p.flow('Grip3_Adviseren', 'Advies_Samen')
        p.flow('Grip_Adviseren', 'Advies_Samen')
        p.flow('Advies_Samen', 'Opschaling_Bevestigen')
        # B: informeren
        informeer(p, 'Partners_Informeren', 'Buurregio\'s, politie-eenheden, KMar en OM informeren', (7, Y),
                  'MANHUNT', '"Manhunt gestart"',
                  '"Manhunt gestart na een incident bij " + locatie.omschrijving + "."', '=ontvangers',
                  '=crisisId + "/manhunt"', 'bevestigingenManhunt', sla='PT10M', gebied='locatie.omschrijving')
        p.flow('Direct_Parallel', 'Partners_Informeren')
        # C: OvJ
        p.user('Leiding_Bevestigen', 'Leiding bevestigen en publieksoproepen besluiten (OvJ)',
               'leiding-en-publieksoproepen', OM, 'PT15M', (7, 3.3),
               outputs=[('={leidingBevestigd: leidingBevestigd, opsporingsberichtMetFotoNaam: '
                         'opsporingsberichtMetFotoNaam, nlAlert: nlAlert, burgernet: burgernet, '
                         'toelichting: toelichting, officierVanJustitie: officierVanJustitie}', 'opsporingsbesluit')])
        p.xgw('Publieksoproep', 'Publieksoproep?', (8, 3.3))
        p.service('Publieksoproep_Uitzetten', 'Publieksoproep uitzetten (NL-Alert, Burgernet, opsporingsbericht)',
                  'knooppunt.manhunt.publieksoproep-uitzetten', (9, 4.1))
        p.xgw('Publieksoproep_Samen', 'Publieksoproep afgehandeld', (10, 3.3))
        p.flow('Direct_Parallel', 'Leiding_Bevestigen')
        p.flow('Leiding_Bevestigen', 'Publieksoproep')
        p.flow('Publieksoproep', 'Publieksoproep_Uitzetten', name='ja',
               cond='=opsporingsbesluit.nlAlert = true or opsporingsbesluit.burgernet = true or '
                    'opsporingsbesluit.opsporingsberichtMetFotoNaam = true')
        p.flow('Publieksoproep', 'Publieksoproep_Samen', name='nee', default=True)
        p.flow('Publieksoproep_Uitzetten', 'Publieksoproep_Samen')
        # D: NCTV
        p.xgw('Motief_Niveau', 'Mogelijk terroristisch motief?', (6, 5.2))
        p.user('Niveau5_Overwegen', 'Dreigingsniveau 5 overwegen (NCTV)', 'overweging-dreigingsniveau', NCTV,
               'PT30M', (7, 5.2),
               outputs=[('={voorstellen: voorstellen, gebied: gebied, reden: reden, beslisser: beslisser}',
                         'overweging')])
        p.xgw('Niveau5_Voorstellen', 'Niveau 5 voorstellen?', (8, 5.2))
        p.throw_msg('Niveau5_Starten', 'Gekoppeld dreigingsniveau 5 starten', (9, 5.2),
                    'knooppunt.manhunt.dreigingsniveau-voorstellen',
                    inputs=[('=crisisId + "-DN5"', 'gekoppeldDreigingsniveauId')],
                    outputs=[('=gekoppeldDreigingsniveauId', 'gekoppeldDreigingsniveauId')])
        p.xgw('Niveau_Samen', 'Overweging afgerond', (10, 5.2))
        p.flow('Direct_Parallel', 'Motief_Niveau')
        p.flow('Motief_Niveau', 'Niveau5_Overwegen', name='ja', cond='=mogelijkTerroristischMotief = true')
        p.flow('Motief_Niveau', 'Niveau_Samen', name='nee', default=True, route=[(6, 6.2), (10, 6.2)])
        p.flow('Niveau5_Overwegen', 'Niveau5_Voorstellen')
        p.flow('Niveau5_Voorstellen', 'Niveau5_Starten', name='ja', cond='=overweging.voorstellen = true')
        p.flow('Niveau5_Voorstellen', 'Niveau_Samen', name='nee', default=True, route=[(8, 5.85), (10, 5.85)])
        p.flow('Niveau5_Starten', 'Niveau_Samen')
        # join
        p.pgw('Eerste_Acties_Gereed', 'Eerste acties gereed', (12, Y))
        p.end('Einde_Eerste_Acties', 'Eerste acties gereed', (13, Y))
        p.flow('Opschaling_Bevestigen', 'Eerste_Acties_Gereed')
        p.flow('Partners_Informeren', 'Eerste_Acties_Gereed')
        p.flow('Publieksoproep_Samen', 'Eerste_Acties_Gereed')
        p.flow('Niveau_Samen', 'Eerste_Acties_Gereed')
        p.flow('Eerste_Acties_Gereed', 'Einde_Eerste_Acties')
        # E: afloop
        p.egw('Afloop_Afwachten', 'Afloop afwachten', (6, 7.2))
        p.catch_msg('Dader_Aangehouden', 'Dader(s) aangehouden', (7, 7.2), 'knooppunt.manhunt.dader-aangehouden',
                    '=crisisId', outputs=[('="AANGEHOUDEN"', 'afloop'), ('=toelichting', 'afloopToelichting')])
        p.catch_msg('Manhunt_Beeindigd', 'Manhunt beëindigd', (7, 8.1), 'knooppunt.manhunt.beeindigd',
                    '=crisisId', outputs=[('="BEEINDIGD"', 'afloop'), ('=toelichting', 'afloopToelichting')])
        p.end('Einde_Aangehouden', 'Manhunt afgelopen', (8, 7.2), terminate=True)
        p.end('Einde_Beeindigd', 'Manhunt afgelopen', (8, 8.1), terminate=True)
        p.flow('Direct_Parallel', 'Afloop_Afwachten')
        p.chain('Afloop_Afwachten', 'Dader_Aangehouden', 'Einde_Aangehouden')
        p.chain('Afloop_Afwachten', 'Manhunt_Beeindigd', 'Einde_Beeindigd')
        p.flow('Start_Loopt', 'Direct_Parallel')
    sit = p.boundary('Elke_30_Minuten', 'Elke 30 minuten', 'Manhunt_Loopt', 0.9, timer=('cycle', 'R/PT30M'),
                     interrupting=False)
    p.service('Situatierapport', 'Situatierapport opstellen en verspreiden',
              'knooppunt.manhunt.situatierapport-verspreiden', (14.2, 9.4))
    p.end('Einde_Situatierapport', 'Situatierapport verspreid', (15.2, 9.4))
    p.flow(sit.id, 'Situatierapport')
    p.flow('Situatierapport', 'Einde_Situatierapport')
    p.flow('Partners_Bepalen', 'Manhunt_Loopt')
    # afloop: afschalingsberichten (bevestigingen en escalatie lopen door) en, zodra alle berichten verstuurd
    # zijn, het afschalingsvoorstel voor een gekoppeld niveau 5; de evaluatie pas als beide klaar zijn
    ref_afloop = '=crisisId + "/stand-down"'
    p.pgw('Afloop_Splitsen', 'Afschalingsberichten en afschalingsvoorstel', (15.2, Y))
    p.flow('Manhunt_Loopt', 'Afloop_Splitsen')
    informeer(p, 'Afschaling_Berichten', 'Afschalingsberichten (stand-down) versturen', (16.2, 0.1),
              'AFSCHALING_MANHUNT', '"Manhunt beëindigd"',
              '(if afloop = "AANGEHOUDEN" then "De manhunt is beëindigd: de dader(s) zijn aangehouden." '
              'else "De manhunt is beëindigd.")', '=ontvangers',
              ref_afloop, 'bevestigingenAfschaling', sla='PT30M', gebied='locatie.omschrijving')
    meldingen_verstuurd(p, 'Meldingen_Verstuurd_Afloop', (16.2, Y), ref_afloop)
    p.flow('Afloop_Splitsen', 'Afschaling_Berichten')
    p.flow('Afloop_Splitsen', 'Meldingen_Verstuurd_Afloop')
    p.xgw('Gekoppeld_Niveau5', 'Gekoppeld dreigingsniveau 5?', (17.2, Y))
    p.throw_msg('Afschaling_Voorstellen', 'Afschaling dreigingsniveau 5 voorstellen', (18.2, 1.1),
                'knooppunt.manhunt.afschaling-voorstellen')
    p.xgw('Gekoppeld_Samen', 'Voorstel verstuurd', (19.2, Y))
    p.flow('Meldingen_Verstuurd_Afloop', 'Gekoppeld_Niveau5')
    p.flow('Gekoppeld_Niveau5', 'Afschaling_Voorstellen', name='ja', cond='=gekoppeldDreigingsniveauId != null')
    p.flow('Gekoppeld_Niveau5', 'Gekoppeld_Samen', name='nee', default=True)
    p.flow('Afschaling_Voorstellen', 'Gekoppeld_Samen')
    p.pgw('Afloop_Samen', 'Afschaling afgerond', (20.2, Y))
    p.flow('Gekoppeld_Samen', 'Afloop_Samen')
    p.flow('Afschaling_Berichten', 'Afloop_Samen', route=[(20.2, 0.1)])
    p.user('Evalueren', 'Evaluatie en lessen', 'evaluatie', LO, 'P14D', (21.2, Y), outputs=EVALUATIE_OUT)
    p.service('Crisis_Afsluiten', 'Crisis afsluiten', 'knooppunt.crisis.afsluiten', (22.2, Y),
              headers={'proces': 'manhunt'})
    p.end('Einde_Afgesloten', 'Afgesloten', (23.2, Y))
    p.chain('Afloop_Samen', 'Evalueren', 'Crisis_Afsluiten', 'Einde_Afgesloten')
    return p


# ---------------------------------------------------------------- bijstandsaanvraag
SOM_AANBOD = 'sum(for a in aanbiedingen return if a = null then 0 else a.aantal)'


def bijstandsaanvraag():
    p = Process('bijstandsaanvraag', 'Bijstandsaanvraag',
                'Bijstand tussen veiligheidsregio\'s: Wvr art. 51 via het LOCC, spoedroute buurregio '
                '(art. 51 lid 5) of Politiewet 2012 art. 56. Valideren, LOCC-beoordeling (accepteren, '
                'afwijzen, meer informatie), aanbodronde (stilte = geen aanbod), toewijzing, besluit hoofd '
                'LOCC namens de minister, informeren, inzet tot einde of verlenging, kosten, evaluatie.')
    Y = 2
    R = 5.6  # afwijzingslijn
    p.start('Start_Aanvraag', 'Bijstand aangevraagd (regio)', (0, Y))
    p.service('Crisis_Registreren', 'Aanvraag registreren', 'knooppunt.crisis.registreren', (1, Y),
              headers={'proces': 'bijstandsaanvraag'})
    p.service('Aanvraag_Valideren', 'Aanvraag valideren en kandidaat-regio\'s bepalen',
              'knooppunt.bijstand.aanvraag-valideren', (2, Y),
              inputs=[('=aanvraag', 'aanvraag')], outputs=[('=kandidaatRegios', 'kandidaatRegios')])
    ong = p.boundary('Aanvraag_Ongeldig', 'Aanvraag ongeldig', 'Aanvraag_Valideren', 0.5,
                     error=('AANVRAAG_ONGELDIG', 'Aanvraag ongeldig'))
    p.xgw('Spoedroute', 'Spoedroute buurregio (art. 51 lid 5)?', (3, Y))
    p.chain('Start_Aanvraag', 'Crisis_Registreren', 'Aanvraag_Valideren', 'Spoedroute')
    p.xgw('Beoordeling_Samen', 'Beoordeling', (4, Y))
    p.user('Aanvraag_Beoordelen', 'Aanvraag beoordelen (LOCC)', 'beoordeling-locc', LOCC, 'PT30M', (5, Y),
           outputs=[('={uitkomst: uitkomst, gevraagdeInformatie: gevraagdeInformatie, motivering: motivering, '
                     'beoordeeldDoor: beoordeeldDoor}', 'beoordeling')])
    p.xgw('Beoordeling_Uitkomst', 'Uitkomst beoordeling', (6, Y))
    p.user('Informatie_Aanvullen', 'Aanvullende informatie aanleveren (regio)', 'aanvullende-informatie',
           regio('aanvraag.aanvragendeRegio'), 'PT1H', (7, 3.3),
           outputs=[('={aanvullendeInformatie: aanvullendeInformatie, aantal: if aantal = null then '
                     'aanvraag.aantal else aantal}', 'aanvulling')])
    p.xgw('Aanbod_Samen', 'Naar aanbodronde', (7, Y))
    p.flow('Spoedroute', 'Beoordeling_Samen', name='nee', default=True)
    p.flow('Spoedroute', 'Aanbod_Samen', name='ja (buurregio\'s)',
           cond='=aanvraag.grondslag = "WVR_ART_51_LID_5"', route=[(3, 0.9), (7, 0.9)])
    p.chain('Beoordeling_Samen', 'Aanvraag_Beoordelen', 'Beoordeling_Uitkomst')
    p.flow('Beoordeling_Uitkomst', 'Aanbod_Samen', name='accepteren', cond='=beoordeling.uitkomst = "ACCEPTEREN"')
    p.flow('Beoordeling_Uitkomst', 'Informatie_Aanvullen', name='meer informatie',
           cond='=beoordeling.uitkomst = "MEER_INFORMATIE"')
    p.flow('Informatie_Aanvullen', 'Beoordeling_Samen', route=[(7, 4.2), (4, 4.2)])

    with p.sub('Aanbodronde', 'Aanbodronde kandidaat-regio\'s',
               mi=dict(collection='=kandidaatRegios', element='vrCode', outputCollection='aanbiedingen',
                       outputElement='=aanbod', completion='=' + SOM_AANBOD + ' >= aanvraag.aantal')):
        p.start('Start_Aanbod', 'Regio gevraagd', (8, Y))
        p.user('Bijstand_Aanbieden', 'Bijstand aanbieden (regio)', 'aanbod-bijstand', regio('vrCode'), 'PT1H',
               (9, Y), outputs=[('={vrCode: vrCode, reactie: if aangeboden = true then "AANGEBODEN" else '
                                 '"AFGEWEZEN", aantal: if aangeboden = true and aantal != null then aantal else 0, '
                                 'beschikbaarVanaf: beschikbaarVanaf, toelichting: toelichting}', 'aanbod')])
        sil = p.boundary('Geen_Aanbod', 'Geen reactie binnen SLA', 'Bijstand_Aanbieden', 0.5,
                         timer=('duration', 'PT1H'))
        p.service('Stilte_Vastleggen', 'Stilte = geen aanbod vastleggen', 'knooppunt.logboek.vastleggen',
                  (10, 3.1), headers={'gebeurtenis': 'STILZWIJGEN_AANBOD'},
                  outputs=[('={vrCode: vrCode, reactie: "GEEN_REACTIE", aantal: 0, beschikbaarVanaf: null, '
                            'toelichting: "Geen reactie binnen de SLA"}', 'aanbod')])
        p.end('Einde_Aanbod', 'Reactie ontvangen', (11, Y))
        p.end('Einde_Stilte', 'Geen aanbod', (11, 3.1))
        p.chain('Start_Aanbod', 'Bijstand_Aanbieden', 'Einde_Aanbod')
        p.flow(sil.id, 'Stilte_Vastleggen')
        p.flow('Stilte_Vastleggen', 'Einde_Stilte')
    p.flow('Aanbod_Samen', 'Aanbodronde')
    p.xgw('Voldoende', 'Voldoende aangeboden?', (13, Y))
    p.flow('Aanbodronde', 'Voldoende')
    p.user('Escalatie_Aanbod', 'Escalatie: onvoldoende aanbod (hoofd LOCC)', 'escalatie-onvoldoende-aanbod', HLOCC,
           'PT30M', (14, 3.3), outputs=[('={beslissing: beslissing, toelichting: toelichting}', 'escalatieAanbod')])
    p.xgw('Escalatie_Uitkomst', 'Deeltoewijzing?', (15, 3.3))
    p.xgw('Toewijzing_Samen', 'Naar toewijzing', (16, Y))
    p.flow('Voldoende', 'Toewijzing_Samen', name='ja', cond='=' + SOM_AANBOD + ' >= aanvraag.aantal')
    p.flow('Voldoende', 'Escalatie_Aanbod', name='nee', default=True)
    p.flow('Escalatie_Aanbod', 'Escalatie_Uitkomst')
    p.flow('Escalatie_Uitkomst', 'Toewijzing_Samen', name='deeltoewijzing', default=True)
    p.service('Toewijzing_Voorstellen', 'Toewijzing voorstellen (eerst buurregio\'s, vroegste aankomst)',
              'knooppunt.bijstand.toewijzing-voorstellen', (17, Y),
              outputs=[('=toewijzingsvoorstel', 'toewijzingsvoorstel')])
    p.user('Toewijzing_Opstellen', 'Toewijzing opstellen (LOCC)', 'toewijzing', LOCC, 'PT30M', (18, Y),
           outputs=[('={regels: regels, toelichting: toelichting}', 'toewijzing')])
    p.user('Besluit_Bijstand', 'Besluit bijstand namens de minister (hoofd LOCC)', 'besluit-bijstand', HLOCC, 'PT30M',
           (19, Y), outputs=[('={uitkomst: uitkomst, motivering: motivering, beslisser: beslisser}',
                              'besluitBijstand')])
    p.xgw('Toegekend', 'Toegekend?', (20, Y))
    p.chain('Toewijzing_Samen', 'Toewijzing_Voorstellen', 'Toewijzing_Opstellen', 'Besluit_Bijstand', 'Toegekend')
    # toegekend: informeren (bevestigingen en escalatie lopen door) en, zodra alle meldingen verstuurd
    # zijn, de inzet registreren; pas als beide klaar zijn naar de evaluatie
    ref_toekenning = '=aanvraagId + "/toegekend"'
    p.pgw('Toekenning_Splitsen', 'Informeren en inzet', (21, Y))
    p.flow('Toegekend', 'Toekenning_Splitsen', name='toegekend', default=True)
    informeer(p, 'Partijen_Informeren', 'Aanvrager en leverende regio\'s informeren', (22, -0.1), 'BIJSTAND_TOEGEKEND',
              '"Bijstand toegekend"',
              '"Bijstand " + get value({BRANDWEER: "brandweer", GENEESKUNDIGE_HULPVERLENING: "geneeskundige hulpverlening", BEVOLKINGSZORG: "bevolkingszorg", POLITIE: "politie", CRISISCOORDINATIE: "crisiscoördinatie"}, aanvraag.capaciteit) + " (" + string(aanvraag.aantal) + " eenheden) is namens de minister'
              ' toegekend."',
              '=concatenate([{code: aanvraag.aanvragendeRegio, soort: "VEILIGHEIDSREGIO", naam: null}], '
              'for r in toewijzing.regels return {code: r.vrCode, soort: "VEILIGHEIDSREGIO", naam: null})',
              ref_toekenning, 'bevestigingenToekenning', sla='PT30M', gebied='aanvraag.locatie')
    meldingen_verstuurd(p, 'Meldingen_Verstuurd_Toekenning', (22, Y), ref_toekenning)
    p.flow('Toekenning_Splitsen', 'Partijen_Informeren')
    p.flow('Toekenning_Splitsen', 'Meldingen_Verstuurd_Toekenning')
    p.service('Inzet_Registreren', 'Inzet registreren', 'knooppunt.bijstand.inzet-registreren', (23, Y),
              headers={'actie': 'START'}, outputs=[('=inzetEinde', 'inzetEinde')])
    p.xgw('Inzet_Samen', 'Inzet loopt', (24, Y))
    p.egw('Inzet_Wacht', 'Einde of verlenging?', (25, Y))
    p.catch_timer('Einde_Bereikt', 'Geplande einde bereikt', (26, 0.9), ('date', '=date and time(inzetEinde)'))
    p.catch_msg('Inzet_Beeindigd', 'Inzet beëindigd', (26, Y), 'knooppunt.bijstand.inzet-beeindigd', '=aanvraagId',
                outputs=[('=toelichting', 'beeindigingToelichting')])
    p.catch_msg('Verlenging_Aangevraagd', 'Verlenging aangevraagd', (26, 3.3),
                'knooppunt.bijstand.verlenging-aangevraagd', '=aanvraagId',
                outputs=[('={tot: verlengingTot, reden: verlengingReden, aangevraagdDoor: verlengingAangevraagdDoor}',
                          'verlengingsverzoek')])
    p.user('Verlenging_Beoordelen', 'Verlenging beoordelen (hoofd LOCC)', 'besluit-verlenging', HLOCC, 'PT1H',
           (27, 3.3), outputs=[('={uitkomst: uitkomst, nieuwEinde: nieuwEinde, motivering: motivering, '
                                'beslisser: beslisser}', 'verlengingsbesluit')])
    p.xgw('Verlenging_Uitkomst', 'Verlenging toegekend?', (28, 3.3))
    p.service('Verlenging_Registreren', 'Verlenging registreren', 'knooppunt.bijstand.inzet-registreren', (29, 4.3),
              headers={'actie': 'VERLENGEN'}, outputs=[('=inzetEinde', 'inzetEinde')])
    p.xgw('Inzet_Afgelopen', 'Inzet afgelopen', (30, Y))
    p.chain('Meldingen_Verstuurd_Toekenning', 'Inzet_Registreren', 'Inzet_Samen', 'Inzet_Wacht')
    p.flow('Inzet_Wacht', 'Einde_Bereikt')
    p.flow('Inzet_Wacht', 'Inzet_Beeindigd')
    p.flow('Inzet_Wacht', 'Verlenging_Aangevraagd')
    p.chain('Verlenging_Aangevraagd', 'Verlenging_Beoordelen', 'Verlenging_Uitkomst')
    p.flow('Verlenging_Uitkomst', 'Verlenging_Registreren', name='ja',
           cond='=verlengingsbesluit.uitkomst = "TOEGEKEND"')
    p.flow('Verlenging_Registreren', 'Inzet_Samen', route=[(29, 5.0), (24, 5.0)])
    p.flow('Verlenging_Uitkomst', 'Inzet_Afgelopen', name='nee', default=True)
    p.flow('Einde_Bereikt', 'Inzet_Afgelopen')
    p.flow('Inzet_Beeindigd', 'Inzet_Afgelopen')
    p.user('Kosten_Opgeven', 'Kosten registreren (LOCC)', 'kostenregistratie', LOCC, 'P7D', (31, Y),
           outputs=[('={regels: regels, totaal: totaal, toelichting: toelichting}', 'kosten')])
    p.service('Kosten_Vastleggen', 'Kosten vastleggen', 'knooppunt.bijstand.kosten-registreren', (32, Y))
    p.chain('Inzet_Afgelopen', 'Kosten_Opgeven', 'Kosten_Vastleggen')
    p.pgw('Toekenning_Samen', 'Inzet en informeren afgerond', (33, Y))
    p.flow('Kosten_Vastleggen', 'Toekenning_Samen')
    p.flow('Partijen_Informeren', 'Toekenning_Samen', route=[(33, -0.1)])

    # afwijzing
    p.xgw('Afwijzing_Samen', 'Afgewezen', (31, R))
    informeer(p, 'Aanvrager_Afwijzing', 'Aanvrager informeren over afwijzing', (32, R), 'BIJSTAND_AFGEWEZEN',
              '"Bijstandsaanvraag afgewezen"', '"De bijstandsaanvraag (" + get value({BRANDWEER: "brandweer", GENEESKUNDIGE_HULPVERLENING: "geneeskundige hulpverlening", BEVOLKINGSZORG: "bevolkingszorg", POLITIE: "politie", CRISISCOORDINATIE: "crisiscoördinatie"}, aanvraag.capaciteit) + ", " + string(aanvraag.aantal) + " eenheden) is afgewezen."',
              '=[{code: aanvraag.aanvragendeRegio, soort: "VEILIGHEIDSREGIO", naam: null}]',
              '=aanvraagId + "/afgewezen"', 'bevestigingenAfwijzing', sla='PT30M', gebied='aanvraag.locatie')
    p.flow(ong.id, 'Afwijzing_Samen', route=[(2, R)])
    p.flow('Beoordeling_Uitkomst', 'Afwijzing_Samen', name='afwijzen', default=True, route=[(6, R)])
    p.flow('Escalatie_Uitkomst', 'Afwijzing_Samen', name='afwijzen',
           cond='=escalatieAanbod.beslissing = "AFWIJZEN"', route=[(15, R)])
    p.flow('Toegekend', 'Afwijzing_Samen', name='afgewezen', cond='=besluitBijstand.uitkomst = "AFGEWEZEN"',
           route=[(20, R)])
    p.flow('Afwijzing_Samen', 'Aanvrager_Afwijzing')

    p.xgw('Evaluatie_Samen', 'Naar evaluatie', (34, Y))
    p.flow('Toekenning_Samen', 'Evaluatie_Samen')
    p.flow('Aanvrager_Afwijzing', 'Evaluatie_Samen')
    p.user('Evalueren', 'Evaluatie en lessen', 'evaluatie', LOCC, 'P14D', (35, Y), outputs=EVALUATIE_OUT)
    p.service('Crisis_Afsluiten', 'Aanvraag afsluiten', 'knooppunt.crisis.afsluiten', (36, Y),
              headers={'proces': 'bijstandsaanvraag'})
    p.end('Einde_Afgesloten', 'Afgesloten', (37, Y))
    p.chain('Evaluatie_Samen', 'Evalueren', 'Crisis_Afsluiten', 'Einde_Afgesloten')
    return p


if __name__ == '__main__':
    import sys
    out = sys.argv[1]
    for f in (informeer_gezagen, dreigingsniveau_5, manhunt, bijstandsaanvraag):
        p = f()
        with open(f'{out}/{p.id}.bpmn', 'w') as fh:
            fh.write(p.xml())
        print('wrote', p.id, len(p.order), 'elements', len(p.flows), 'flows')
