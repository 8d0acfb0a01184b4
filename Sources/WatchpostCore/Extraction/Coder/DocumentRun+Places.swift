/// Where the event of a clause happened: the gazetteer's place in the report's spelling, or a name
/// the gazetteer lacks, placed as well as the sentence and the document allow.
extension DocumentRun {
    /// The resolved place of one chosen mention; records a finding for a name the gazetteer lacks.
    func place(of mention: PlaceMention, in t: TaggedSentence, groupAdmin1: String?) -> ResolvedPlace {
        if var r = mention.resolved {
            // The report's own spelling names the place (the gazetteer gives its point and governorate):
            // it is what an analyst searches the text for, and other spellings are its variants.
            let written = PlaceChoice.bareName(mention.text)
            if !mention.isRegion, r.precision != .region, !written.isEmpty, written != written.uppercased() {
                r.location = written
            }
            if let city = PlaceChoice.cityAroundQuarter(mention, in: t) {
                // "In Homs city, ... the Zahraa neighbourhood": a quarter of the city named, not a
                // namesake village elsewhere.
                r = ResolvedPlace(location: written, admin1: city.admin1, latitude: city.latitude, longitude: city.longitude,
                                  precision: .town, place: nil, score: city.score,
                                  reason: "a quarter of \(city.location), named in the sentence")
            }
            return r
        }
        // Not in the gazetteer: the name as written, in the governorate of its list or of the text;
        // placed at the point it is said to lie near ("west of Daraa city"), with that precision.
        findings.append(Finding(.unknownPlace, document: document.id, message: "place not in the gazetteer: \(mention.text)"))
        if let city = PlaceChoice.cityOfQuarter(mention, in: t) {
            // "the neighbourhoods of A and B in Homs": a quarter of the city named beside it.
            return ResolvedPlace(location: PlaceChoice.bareName(mention.text), admin1: city.admin1,
                                 latitude: city.latitude, longitude: city.longitude, precision: .town, place: nil,
                                 score: 0.2, reason: "not in the gazetteer; kept as written, a quarter of \(city.location)")
        }
        if let anchor = PlaceChoice.referencePoint(in: t) {
            return ResolvedPlace(location: PlaceChoice.bareName(mention.text), admin1: anchor.admin1 ?? groupAdmin1 ?? admin1Hints.first,
                                 latitude: anchor.latitude, longitude: anchor.longitude, precision: .near, place: nil,
                                 score: 0.2, reason: "not in the gazetteer; kept as written, placed near \(anchor.location)")
        }
        let admin1 = groupAdmin1 ?? admin1Hints.first
        if let focus = focusPlace, focus.admin1 == admin1, focus.latitude != nil {
            // A quarter or facility of the place the document is about ("the Zuhur neighbourhood").
            return ResolvedPlace(location: PlaceChoice.bareName(mention.text), admin1: admin1,
                                 latitude: focus.latitude, longitude: focus.longitude, precision: .near, place: nil,
                                 score: 0.2, reason: "not in the gazetteer; kept as written, placed at the document's place \(focus.location)")
        }
        return ResolvedPlace(location: PlaceChoice.bareName(mention.text), admin1: admin1, latitude: nil, longitude: nil,
                             precision: .town, place: nil, score: 0.2, reason: "not in the gazetteer; kept as written")
    }

    /// "The assault opened with two car bombs at the gate": a retelling that names the
    /// weapon gives the event just told its more specific remote sub-type.
    func sharpenSubType(by signal: TriggerSignal) {
        // Only a clash, an attack or a strike gets its weapon from a retelling: an arrest or a town taken
        // "with helicopters" stays what it was.
        guard let last = drafts.indices.last, SubTypeRules.remote.contains(SubTypeRules.key(signal)),
              ["Armed clash", "Attack"].contains(drafts[last].event.subEventType) || drafts[last].event.eventType == .explosions,
              SubTypeRules.rank(signal) < (SubTypeRules.precedence.firstIndex(of: drafts[last].event.subEventType) ?? Int.max),
              case .subType(let name) = signal, let type = EventTaxonomy.type(of: name) else { return }
        for i in drafts.indices where drafts[i].sentenceIndex == drafts[last].sentenceIndex {
            drafts[i].event.eventType = type
            drafts[i].event.subEventType = name
        }
    }
}
