/// The passes over a whole document: one event per place, day and actor pair, headlines, ids.
extension DocumentRun {
    /// The same happening told twice in neighbouring sentences, once by region ("in southern Idlib")
    /// and once by place ("in the village of X"), is one event: the placed one stays.
    func collapseRegionDuplicates() {
        var drop = Set<Int>()
        for i in drafts.indices where drafts[i].event.geoPrecision == .region && drafts[i].placeNamed {
            let d = drafts[i]
            guard let j = drafts.indices.first(where: { j in
                let e = drafts[j]
                return j != i && !drop.contains(j) && e.event.geoPrecision != .region && abs(e.sentenceIndex - d.sentenceIndex) <= 2
                    && e.event.eventType == d.event.eventType && e.event.date == d.event.date
                    && e.event.admin1 == d.event.admin1
                    && (e.event.actor1 == d.event.actor1 || coder.isUnnamed(e.event.actor1) || coder.isUnnamed(d.event.actor1))
                    && e.sentenceIndex != d.sentenceIndex
            }) else { continue }
            if drafts[j].event.fatalities == nil, let f = d.event.fatalities {
                drafts[j].event.fatalities = f
                drafts[j].event.fatalitiesQualifier = d.event.fatalitiesQualifier
            }
            if d.event.claimStatus == .disputed { drafts[j].event.claimStatus = .disputed }
            drop.insert(i)
        }
        drafts = drafts.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// ACLED's unit: one place, one day, one actor pair. Two tellings of the same type at the same place
    /// on the same day by the same (or an unnamed) perpetrator are one event: the first stays, with the
    /// larger toll and the later sentences' doubt.
    func collapseRestatements() {
        var drop = Set<Int>()
        for j in drafts.indices {
            let e = drafts[j].event
            guard let i = drafts.indices.first(where: { i in
                let d = drafts[i].event
                return i < j && !drop.contains(i) && drafts[i].sentenceIndex != drafts[j].sentenceIndex
                    && d.eventType == e.eventType && d.date == e.date
                    && d.location != nil && d.location == e.location
                    && (d.actor1 == e.actor1 || coder.isUnnamed(d.actor1) || coder.isUnnamed(e.actor1))
            }) else { continue }
            if coder.isUnnamed(drafts[i].event.actor1), !coder.isUnnamed(e.actor1) { drafts[i].event.actor1 = e.actor1 }
            if let f = e.fatalities, f > (drafts[i].event.fatalities ?? -1) {
                drafts[i].event.fatalities = f
                drafts[i].event.fatalitiesQualifier = e.fatalitiesQualifier
            }
            if e.claimStatus == .disputed { drafts[i].event.claimStatus = .disputed }
            drop.insert(j)
        }
        drafts = drafts.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// Headline events that the body reports again are dropped; ids are given in order.
    func finish() -> (events: [Event], findings: [Finding]) {
        // A headline announces what the body tells: its events stand only when the body codes none.
        if drafts.contains(where: { !$0.fromHeading }) { drafts.removeAll { $0.fromHeading } }
        collapseRegionDuplicates()
        collapseRestatements()
        let kept = drafts
        var events: [Event] = []
        for (n, d) in kept.enumerated() {
            var e = d.event
            e.id = "\(document.id)-\(n + 1)"
            events.append(e)
            if e.location == nil {
                findings.append(Finding(.unknownPlace, document: document.id, message: "event \(e.id) has no place: \(e.evidence.prefix(80))"))
            }
        }
        return (events, findings)
    }
}
