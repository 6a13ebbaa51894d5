-- Purpose: the schema of the strategy database (built by `python -m monitor.build`). Parameters: none.
-- Every fact table carries its provenance: document file name and 1-based line range.
-- The Monitor's own words (a rationale, a note, a resolution, an event's name, a document's description) stand
-- in English in their column and in Dutch and French beside it, as <column>_nl and <column>_fr
-- (data/sources/own_texts/, monitor/build/own_texts.py); the app shows the one of the interface language.
-- Public data contract (relied on by pages, exports and other tools):
--   objectives(code, pillar, title, priority_type)
--   workstreams(code, objective_code, title, priority_type)
--   government_members(member_id, name, government)
--   responsibilities(member_id, role, objective_code, workstream_code)
--   indicators(indicator_id, name, unit, source), indicator_values(indicator_id, year, value)
--   shared_priorities(number, title, domain)

CREATE TABLE documents (
    document    VARCHAR PRIMARY KEY,
    title       VARCHAR NOT NULL UNIQUE,
    description VARCHAR NOT NULL,
    description_nl VARCHAR NOT NULL,
    description_fr VARCHAR NOT NULL,
    line_count  INTEGER NOT NULL CHECK (line_count > 0),
    sha256      VARCHAR NOT NULL
);

CREATE TABLE pillars (
    pillar     INTEGER PRIMARY KEY CHECK (pillar IN (1, 2)),
    title      VARCHAR NOT NULL,
    note       VARCHAR,
    document   VARCHAR NOT NULL REFERENCES documents (document),
    line_start INTEGER NOT NULL,
    line_end   INTEGER NOT NULL,
    CHECK (line_start <= line_end)
);

CREATE TABLE objectives (
    code                     VARCHAR PRIMARY KEY,
    pillar                   INTEGER NOT NULL REFERENCES pillars (pillar),
    sort_order               INTEGER NOT NULL UNIQUE,
    title                    VARCHAR NOT NULL,
    priority_type            VARCHAR NOT NULL CHECK (priority_type IN ('shared', 'consulted', 'mixed')),
    priority_text            VARCHAR NOT NULL,
    priority_note            VARCHAR,
    priority_note_nl         VARCHAR,
    priority_note_fr         VARCHAR,
    general_objectives       VARCHAR NOT NULL,
    status_vs_2025           VARCHAR NOT NULL,
    status_vs_2025_kind      VARCHAR NOT NULL CHECK (status_vs_2025_kind IN ('new', 'continued', 'other')),
    strategy_2025_codes      VARCHAR[] NOT NULL,
    partners_note            VARCHAR,
    steering_committee_note  VARCHAR,
    document                 VARCHAR NOT NULL REFERENCES documents (document),
    line_start               INTEGER NOT NULL,
    line_end                 INTEGER NOT NULL,
    CHECK (line_start <= line_end),
    CHECK ((priority_note IS NULL) = (priority_note_nl IS NULL) AND (priority_note IS NULL) = (priority_note_fr IS NULL))
);

-- One row per printed fiche field of an objective, with its own lines (provenance of the fiche text).
CREATE TABLE objective_fields (
    objective_code VARCHAR NOT NULL REFERENCES objectives (code),
    field          VARCHAR NOT NULL CHECK (field IN ('title', 'general_objectives', 'status_vs_2025', 'priority',
                                                     'partners_note', 'steering_committee_note')),
    text           VARCHAR NOT NULL,
    document       VARCHAR NOT NULL REFERENCES documents (document),
    line_start     INTEGER NOT NULL,
    line_end       INTEGER NOT NULL,
    PRIMARY KEY (objective_code, field),
    CHECK (line_start <= line_end)
);

CREATE TABLE workstreams (
    code              VARCHAR PRIMARY KEY,
    objective_code    VARCHAR NOT NULL REFERENCES objectives (code),
    sort_order        INTEGER NOT NULL UNIQUE,
    code_printed      VARCHAR,
    code_note         VARCHAR,
    code_note_nl      VARCHAR,
    code_note_fr      VARCHAR,
    title             VARCHAR NOT NULL,
    description       VARCHAR NOT NULL,
    priority_type     VARCHAR CHECK (priority_type IN ('shared', 'consulted')),
    priority_tag      VARCHAR,
    steering_note     VARCHAR,   -- printed steering cell text that names no member or body
    document          VARCHAR NOT NULL REFERENCES documents (document),
    line_start        INTEGER NOT NULL,
    line_end          INTEGER NOT NULL,
    title_line_start  INTEGER NOT NULL,
    title_line_end    INTEGER NOT NULL,
    description_line_start INTEGER,
    description_line_end   INTEGER,
    CHECK (line_start <= line_end),
    CHECK ((code_printed IS NOT DISTINCT FROM code) OR code_note IS NOT NULL),
    CHECK ((code_note IS NULL) = (code_note_nl IS NULL) AND (code_note IS NULL) = (code_note_fr IS NULL)),
    CHECK ((priority_tag IS NULL) = (priority_type IS NULL))
);

CREATE TABLE government_members (
    member_id  VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    government VARCHAR NOT NULL CHECK (government IN ('brussels_region', 'cocof', 'vgc', 'ggc',
                                                     'french_community', 'flemish_community', 'collective')),
    -- unresolved: a title printed that the documents tie to no member (shown apart from the members)
    kind       VARCHAR NOT NULL CHECK (kind IN ('minister_president', 'minister', 'state_secretary',
                                               'college_member', 'group', 'unresolved')),
    sort_order INTEGER NOT NULL UNIQUE,
    note       VARCHAR,
    document   VARCHAR NOT NULL REFERENCES documents (document),
    line_start INTEGER NOT NULL,
    line_end   INTEGER NOT NULL
);

CREATE TABLE member_aliases (
    alias      VARCHAR NOT NULL,
    member_id  VARCHAR NOT NULL REFERENCES government_members (member_id),
    confidence VARCHAR NOT NULL CHECK (confidence IN ('exact', 'inferred', 'undecided')),
    note       VARCHAR,
    note_nl    VARCHAR,  -- why the name is read so, in Dutch and French: written for every match not exact
    note_fr    VARCHAR,
    document   VARCHAR NOT NULL REFERENCES documents (document),
    line_start INTEGER NOT NULL,
    line_end   INTEGER NOT NULL,
    PRIMARY KEY (alias, member_id),
    CHECK (confidence = 'exact' OR (note IS NOT NULL AND note_nl IS NOT NULL AND note_fr IS NOT NULL))
);

CREATE TABLE organisations (
    org_id     VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL CHECK (kind IN ('social_partners', 'regional_public_body', 'community_body',
                                               'local_authority', 'non_profit', 'other')),
    note       VARCHAR,
    document   VARCHAR NOT NULL REFERENCES documents (document),
    line_start INTEGER NOT NULL,
    line_end   INTEGER NOT NULL
);

CREATE TABLE organisation_aliases (
    alias      VARCHAR NOT NULL,
    org_id     VARCHAR NOT NULL REFERENCES organisations (org_id),
    confidence VARCHAR NOT NULL CHECK (confidence IN ('exact', 'inferred', 'undecided')),
    note       VARCHAR,
    note_nl    VARCHAR,  -- why the name is read so, in Dutch and French: written for every match not exact
    note_fr    VARCHAR,
    document   VARCHAR NOT NULL REFERENCES documents (document),
    line_start INTEGER NOT NULL,
    line_end   INTEGER NOT NULL,
    PRIMARY KEY (alias, org_id),
    CHECK (confidence = 'exact' OR (note IS NOT NULL AND note_nl IS NOT NULL AND note_fr IS NOT NULL))
);

-- One row per member × role × objective (× workstream for steering), with the title as written.
-- confidence: that of the alias (as_written × member) in member_aliases: how sure the Monitor is that the
-- printed title is this member (exact = stated; inferred, undecided = the Monitor's reading, shown as such).
CREATE TABLE responsibilities (
    member_id       VARCHAR NOT NULL REFERENCES government_members (member_id),
    role            VARCHAR NOT NULL CHECK (role IN ('initiating', 'associated', 'steering')),
    objective_code  VARCHAR NOT NULL REFERENCES objectives (code),
    workstream_code VARCHAR REFERENCES workstreams (code),
    as_written      VARCHAR NOT NULL,
    confidence      VARCHAR NOT NULL CHECK (confidence IN ('exact', 'inferred', 'undecided')),
    document        VARCHAR NOT NULL REFERENCES documents (document),
    line_start      INTEGER NOT NULL,
    line_end        INTEGER NOT NULL,
    CHECK ((role = 'steering') = (workstream_code IS NOT NULL)),
    UNIQUE (member_id, role, objective_code, workstream_code, as_written)
);

-- One row per organisation × role × objective (× workstream for steering bodies); consulted: a body the fiche
-- names to be approached (qualifier as printed), not a member of any list. confidence as in responsibilities.
CREATE TABLE organisation_roles (
    org_id          VARCHAR NOT NULL REFERENCES organisations (org_id),
    role            VARCHAR NOT NULL CHECK (role IN ('partner', 'steering_committee', 'steering', 'consulted')),
    objective_code  VARCHAR NOT NULL REFERENCES objectives (code),
    workstream_code VARCHAR REFERENCES workstreams (code),
    as_written      VARCHAR NOT NULL,
    confidence      VARCHAR NOT NULL CHECK (confidence IN ('exact', 'inferred', 'undecided')),
    qualifier       VARCHAR,
    document        VARCHAR NOT NULL REFERENCES documents (document),
    line_start      INTEGER NOT NULL,
    line_end        INTEGER NOT NULL,
    CHECK ((role = 'steering') = (workstream_code IS NOT NULL)),
    UNIQUE (org_id, role, objective_code, workstream_code, as_written)
);

-- Government members printed in an objective's steering-committee block (objective 2.4 lists ministers there).
CREATE TABLE committee_members (
    member_id      VARCHAR NOT NULL REFERENCES government_members (member_id),
    objective_code VARCHAR NOT NULL REFERENCES objectives (code),
    as_written     VARCHAR NOT NULL,
    confidence     VARCHAR NOT NULL CHECK (confidence IN ('exact', 'inferred', 'undecided')),
    document       VARCHAR NOT NULL REFERENCES documents (document),
    line_start     INTEGER NOT NULL,
    line_end       INTEGER NOT NULL,
    UNIQUE (member_id, objective_code, as_written)
);

-- Members a workstream's steering cell names as consulted ("in overleg met …"), not as steering.
CREATE TABLE workstream_consultations (
    member_id       VARCHAR NOT NULL REFERENCES government_members (member_id),
    workstream_code VARCHAR NOT NULL REFERENCES workstreams (code),
    as_written      VARCHAR NOT NULL,
    qualifier       VARCHAR NOT NULL,
    confidence      VARCHAR NOT NULL CHECK (confidence IN ('exact', 'inferred', 'undecided')),
    document        VARCHAR NOT NULL REFERENCES documents (document),
    line_start      INTEGER NOT NULL,
    line_end        INTEGER NOT NULL
);

-- A footnote printed with a name (the asterisk of 'Infor Jeunes Bruxelles*'): the marker as printed with the
-- name, and the footnote's text and lines, so the note travels with the name wherever it is shown.
CREATE TABLE name_footnotes (
    objective_code  VARCHAR NOT NULL REFERENCES objectives (code),
    workstream_code VARCHAR REFERENCES workstreams (code),
    as_written      VARCHAR NOT NULL,
    marker          VARCHAR NOT NULL,
    text            VARCHAR NOT NULL,
    document        VARCHAR NOT NULL REFERENCES documents (document),
    line_start      INTEGER NOT NULL,
    line_end        INTEGER NOT NULL,
    UNIQUE (objective_code, workstream_code, as_written)
);

CREATE TABLE cross_references (
    xref_id                  INTEGER PRIMARY KEY,
    from_objective           VARCHAR NOT NULL REFERENCES objectives (code),
    from_workstream          VARCHAR REFERENCES workstreams (code),
    quote                    VARCHAR NOT NULL,
    target_objective_printed VARCHAR,
    target_objective         VARCHAR REFERENCES objectives (code),
    target_workstream        VARCHAR REFERENCES workstreams (code),
    note                     VARCHAR,
    note_nl                  VARCHAR,
    note_fr                  VARCHAR,
    document                 VARCHAR NOT NULL REFERENCES documents (document),
    line_start               INTEGER NOT NULL,
    line_end                 INTEGER NOT NULL,
    CHECK ((note IS NULL) = (note_nl IS NULL) AND (note IS NULL) = (note_fr IS NULL)),
    CHECK ((target_objective_printed IS NOT DISTINCT FROM target_objective) OR note IS NOT NULL)
);

CREATE TABLE indicators (
    indicator_id VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    unit         VARCHAR NOT NULL,
    source       VARCHAR NOT NULL,
    sort_order   INTEGER NOT NULL UNIQUE,
    document     VARCHAR NOT NULL REFERENCES documents (document),
    line_start   INTEGER NOT NULL,
    line_end     INTEGER NOT NULL
);

-- value is NULL where the document prints "n.b." (not available): missing, never zero.
CREATE TABLE indicator_values (
    indicator_id  VARCHAR NOT NULL REFERENCES indicators (indicator_id),
    year          INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    value         DOUBLE,
    value_printed VARCHAR NOT NULL,
    document      VARCHAR NOT NULL REFERENCES documents (document),
    line_start    INTEGER NOT NULL,
    line_end      INTEGER NOT NULL,
    PRIMARY KEY (indicator_id, year),
    CHECK ((value IS NULL) = (value_printed = 'n.b.'))
);

CREATE TABLE targets (
    target_id       INTEGER PRIMARY KEY,
    objective_code  VARCHAR REFERENCES objectives (code),
    workstream_code VARCHAR REFERENCES workstreams (code),
    -- commitment: stated without a figure or a date (nothing to measure against)
    kind            VARCHAR NOT NULL CHECK (kind IN ('numeric_target', 'milestone', 'commitment')),
    quote           VARCHAR NOT NULL,
    meaning         VARCHAR NOT NULL,
    metric          VARCHAR,
    target_value    DOUBLE,
    target_unit     VARCHAR,
    target_year     INTEGER,
    base_year       INTEGER,
    note            VARCHAR,
    document        VARCHAR NOT NULL REFERENCES documents (document),
    line_start      INTEGER NOT NULL,
    line_end        INTEGER NOT NULL,
    CHECK (base_year IS NULL OR target_year IS NULL OR base_year < target_year)
);

CREATE TABLE policy_domains (
    domain_id     VARCHAR PRIMARY KEY,
    name          VARCHAR NOT NULL,
    name_in_intro VARCHAR,
    sort_order    INTEGER NOT NULL UNIQUE,
    document      VARCHAR NOT NULL REFERENCES documents (document),
    line_start    INTEGER NOT NULL,
    line_end      INTEGER NOT NULL
);

CREATE TABLE shared_priorities (
    number                 INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 17),
    title                  VARCHAR NOT NULL,
    description            VARCHAR NOT NULL,
    domain_id              VARCHAR NOT NULL REFERENCES policy_domains (domain_id),
    domain                 VARCHAR NOT NULL,
    note                   VARCHAR,
    document               VARCHAR NOT NULL REFERENCES documents (document),
    title_line_start       INTEGER NOT NULL,
    title_line_end         INTEGER NOT NULL,
    number_line            INTEGER NOT NULL,
    description_line_start INTEGER NOT NULL,
    description_line_end   INTEGER NOT NULL
);

CREATE TABLE summit_events (
    event_id          INTEGER PRIMARY KEY,
    event_date        DATE,
    year              INTEGER,   -- NULL for the yearly summit, which the documents describe without a date
    name              VARCHAR NOT NULL,
    name_nl           VARCHAR NOT NULL,
    name_fr           VARCHAR NOT NULL,
    quote             VARCHAR NOT NULL,
    is_social_summit  BOOLEAN NOT NULL,
    document          VARCHAR NOT NULL REFERENCES documents (document),
    line_start        INTEGER NOT NULL,
    line_end          INTEGER NOT NULL,
    CHECK (event_date IS NULL OR year = year(event_date))
);

-- Later wordings of an objective (web pages 002 and 004), kept apart from the 2020 strategy.
CREATE TABLE source_versions (
    version_id     VARCHAR PRIMARY KEY,
    objective_code VARCHAR NOT NULL REFERENCES objectives (code),
    title          VARCHAR NOT NULL,
    dated          VARCHAR NOT NULL,
    intro          VARCHAR,
    priority_text  VARCHAR,
    priority_type  VARCHAR CHECK (priority_type IN ('shared', 'consulted', 'mixed')),
    document       VARCHAR NOT NULL REFERENCES documents (document),
    line_start     INTEGER NOT NULL,
    line_end       INTEGER NOT NULL
);

CREATE TABLE source_version_roles (
    version_id VARCHAR NOT NULL REFERENCES source_versions (version_id),
    role       VARCHAR NOT NULL CHECK (role IN ('initiating', 'associated', 'partner', 'steering_committee')),
    as_written VARCHAR NOT NULL,
    member_id  VARCHAR REFERENCES government_members (member_id),
    org_id     VARCHAR REFERENCES organisations (org_id),
    document   VARCHAR NOT NULL REFERENCES documents (document),
    line_start INTEGER NOT NULL,
    line_end   INTEGER NOT NULL
);

CREATE TABLE source_version_items (
    version_id        VARCHAR NOT NULL REFERENCES source_versions (version_id),
    number            INTEGER NOT NULL,
    title             VARCHAR NOT NULL,
    description       VARCHAR,
    steering_text     VARCHAR,
    linked_workstream VARCHAR REFERENCES workstreams (code),
    link_note         VARCHAR,
    link_note_nl      VARCHAR,
    link_note_fr      VARCHAR,
    document          VARCHAR NOT NULL REFERENCES documents (document),
    line_start        INTEGER NOT NULL,
    line_end          INTEGER NOT NULL,
    PRIMARY KEY (version_id, number),
    CHECK ((link_note IS NULL) = (link_note_nl IS NULL) AND (link_note IS NULL) = (link_note_fr IS NULL))
);

CREATE TABLE irregularities (
    irregularity_id INTEGER PRIMARY KEY,
    scope           VARCHAR NOT NULL,
    what            VARCHAR NOT NULL,
    what_nl         VARCHAR NOT NULL,
    what_fr         VARCHAR NOT NULL,
    resolution      VARCHAR NOT NULL,
    resolution_nl   VARCHAR NOT NULL,
    resolution_fr   VARCHAR NOT NULL,
    document        VARCHAR NOT NULL REFERENCES documents (document),
    line_start      INTEGER NOT NULL,
    line_end        INTEGER NOT NULL
);

CREATE TABLE build_info (
    built_at      TIMESTAMP NOT NULL,
    sources_sha256 VARCHAR NOT NULL,  -- the curated sources and the documents
    schema_version INTEGER NOT NULL,
    code_sha256   VARCHAR NOT NULL    -- the schema and the build code (monitor.build.BUILD_CODE)
);

-- Editorial: the documents do not assign objectives to the 7 policy domains of the 2026 Social Summit.
-- This mapping is the Monitor's choice, kept in data/sources/objective_themes.csv with a rationale per link,
-- and labelled as editorial wherever the app shows it.
CREATE TABLE objective_themes (
    objective_code VARCHAR NOT NULL REFERENCES objectives (code),
    domain_id      VARCHAR NOT NULL REFERENCES policy_domains (domain_id),
    is_primary     BOOLEAN NOT NULL,
    rationale      VARCHAR NOT NULL,
    rationale_nl   VARCHAR NOT NULL,
    rationale_fr   VARCHAR NOT NULL,
    PRIMARY KEY (objective_code, domain_id)
);

-- Editorial (indicators issue): the documents give no desired direction for the key figures and say that BISA
-- links each indicator to one or more objectives without giving the links. These are the Monitor's choices,
-- kept in data/sources/ with a rationale per row and labelled as editorial wherever the app shows them.
-- desired: which way is better; threshold (in points of the unit, or percent of the previous value) is the
-- pre-declared smallest change that counts as meaningful. 'none' = not judged (no threshold).
CREATE TABLE indicator_directions (
    indicator_id   VARCHAR PRIMARY KEY REFERENCES indicators (indicator_id),
    desired        VARCHAR NOT NULL CHECK (desired IN ('up', 'down', 'towards_zero', 'none')),
    threshold      DOUBLE CHECK (threshold > 0),
    threshold_kind VARCHAR CHECK (threshold_kind IN ('points', 'percent')),
    rationale      VARCHAR NOT NULL,
    rationale_nl   VARCHAR NOT NULL,
    rationale_fr   VARCHAR NOT NULL,
    CHECK ((desired = 'none') = (threshold IS NULL)),
    CHECK ((threshold IS NULL) = (threshold_kind IS NULL))
);

CREATE TABLE indicator_objectives (
    indicator_id   VARCHAR NOT NULL REFERENCES indicators (indicator_id),
    objective_code VARCHAR NOT NULL REFERENCES objectives (code),
    rationale      VARCHAR NOT NULL,
    rationale_nl   VARCHAR NOT NULL,
    rationale_fr   VARCHAR NOT NULL,
    PRIMARY KEY (indicator_id, objective_code)
);

-- Which numeric target an indicator measures, with the base year used (the target's own, or the one the
-- rationale names); document and lines are the target's.
CREATE TABLE target_indicators (
    target_id    INTEGER PRIMARY KEY REFERENCES targets (target_id),
    indicator_id VARCHAR NOT NULL REFERENCES indicators (indicator_id),
    base_year    INTEGER NOT NULL,
    rationale    VARCHAR NOT NULL,
    rationale_nl VARCHAR NOT NULL,
    rationale_fr VARCHAR NOT NULL,
    document     VARCHAR NOT NULL REFERENCES documents (document),
    line_start   INTEGER NOT NULL,
    line_end     INTEGER NOT NULL
);

-- Derived at build time (tables, not views, so that filtering stays fast):
-- one row per workstream × member × role through which the member is involved in it: objective-level roles
-- (initiating, associated) reach every workstream of the objective; steering and consulted ("in overleg met")
-- reach their own workstream. confidence: the surest of the titles that give the member this role here.
CREATE TABLE workstream_members (
    workstream_code VARCHAR NOT NULL REFERENCES workstreams (code),
    member_id       VARCHAR NOT NULL REFERENCES government_members (member_id),
    role            VARCHAR NOT NULL,
    confidence      VARCHAR NOT NULL,
    PRIMARY KEY (workstream_code, member_id, role)
);

-- One row per workstream × organisation × role (partner and steering committee reach every workstream).
CREATE TABLE workstream_organisations (
    workstream_code VARCHAR NOT NULL REFERENCES workstreams (code),
    org_id          VARCHAR NOT NULL REFERENCES organisations (org_id),
    role            VARCHAR NOT NULL,
    confidence      VARCHAR NOT NULL,
    PRIMARY KEY (workstream_code, org_id, role)
);

-- One row per workstream: the text that the search matches (lower case, accents stripped).
CREATE TABLE workstream_search (
    workstream_code VARCHAR PRIMARY KEY REFERENCES workstreams (code),
    haystack        VARCHAR NOT NULL
);
