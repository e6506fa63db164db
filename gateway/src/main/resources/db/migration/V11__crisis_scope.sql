-- Issue 20 §1: who may read a crisis (docs/adr/0031). A crisis involves the regions of its area
-- (crisis.regions); this table holds the regions a crisis involves beyond its area, as the events
-- tell them: the neighbours of a manhunt's region (BUUR), the regions asked to offer assistance
-- (KANDIDAAT) and the regions allocated to supply it (LEVERANCIER). A projection: emptied and
-- rebuilt with the others (ReadModelRebuilder).
create table crisis_region (
    crisis_id text not null,
    vr_code   text not null,
    reason    text not null,
    primary key (crisis_id, vr_code, reason)
);
create index crisis_region_vr on crisis_region (vr_code);
