/** Versioned schema migrations. Each runs once, in order, inside a transaction; never edit a shipped one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'core schema: programs, participants, experiments, surveys, jobs, outbox, audit',
    sql: `
      CREATE TABLE programs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        settings TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        program_id TEXT NOT NULL REFERENCES programs(id),
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
        workspace_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        email TEXT,
        display_name TEXT,
        timezone TEXT,
        working_days TEXT,
        quiet_hours TEXT,
        paused_until INTEGER,
        consent TEXT NOT NULL DEFAULT 'pending' CHECK (consent IN ('pending', 'accepted', 'declined', 'opted_out')),
        consent_at INTEGER,
        reachable INTEGER NOT NULL DEFAULT 1,
        address TEXT,
        last_interaction_at INTEGER,
        created_at INTEGER NOT NULL,
        UNIQUE (platform, workspace_id, user_id)
      );

      CREATE TABLE experiments (
        id TEXT PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        behavior TEXT NOT NULL,
        hypothesis TEXT NOT NULL,
        kpi_name TEXT NOT NULL,
        kpi_unit TEXT NOT NULL,
        kpi_baseline REAL NOT NULL,
        kpi_target REAL NOT NULL,
        kpi_direction TEXT NOT NULL CHECK (kpi_direction IN ('increase', 'decrease')),
        start_date TEXT NOT NULL,
        length_weeks INTEGER NOT NULL,
        end_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'completed', 'abandoned')),
        version INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX experiments_one_running ON experiments(participant_id) WHERE status IN ('active', 'paused');

      CREATE TABLE experiment_versions (
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        changed_by TEXT NOT NULL,
        PRIMARY KEY (experiment_id, version)
      );

      CREATE TABLE nudge_responses (
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        occurrence TEXT NOT NULL,
        answer TEXT NOT NULL CHECK (answer IN ('did', 'skip', 'snooze')),
        at INTEGER NOT NULL,
        PRIMARY KEY (experiment_id, occurrence)
      );

      CREATE TABLE surveys (
        id TEXT PRIMARY KEY,
        experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        checkpoint_day INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'reminded', 'answered', 'missed')),
        sent_at INTEGER,
        reminded_at INTEGER,
        practice INTEGER CHECK (practice BETWEEN 1 AND 5),
        kpi_value REAL,
        confidence INTEGER CHECK (confidence BETWEEN 1 AND 5),
        note TEXT,
        answered_at INTEGER,
        UNIQUE (experiment_id, checkpoint_day)
      );

      CREATE TABLE survey_changes (
        survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT
      );

      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        experiment_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        occurrence TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'done', 'cancelled')),
        version INTEGER NOT NULL DEFAULT 1,
        result TEXT,
        UNIQUE (participant_id, kind, occurrence)
      );
      CREATE INDEX jobs_due ON jobs(due_at) WHERE state = 'scheduled';
      CREATE INDEX jobs_person ON jobs(participant_id, due_at) WHERE state = 'scheduled';

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        budgeted INTEGER NOT NULL,
        budget_week TEXT NOT NULL,
        message TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'expired', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        claim_token TEXT,
        claimed_at INTEGER,
        reason TEXT,
        provider_ref TEXT,
        sent_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_ready ON outbox(next_attempt_at) WHERE status = 'pending';
      CREATE INDEX outbox_in_flight ON outbox(claimed_at) WHERE status = 'sending';
      CREATE INDEX outbox_budget ON outbox(participant_id, budget_week) WHERE budgeted = 1;

      CREATE TABLE inbound_deliveries (
        delivery_id TEXT PRIMARY KEY,
        received_at INTEGER NOT NULL
      );

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'mentoring: pairs, charters with versions and drafts, milestones, curator alerts; jobs name their subject',
    sql: `
      ALTER TABLE jobs RENAME COLUMN experiment_id TO subject_id;
      ALTER TABLE participants ADD COLUMN kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'channel'));

      CREATE TABLE pairs (
        id TEXT PRIMARY KEY,
        program_id TEXT NOT NULL REFERENCES programs(id),
        mentor_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        mentee_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('active', 'closed')),
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        intro_sent_at INTEGER,
        closed_at INTEGER,
        close_reason TEXT,
        replaces_pair_id TEXT REFERENCES pairs(id),
        nudged_at INTEGER,
        CHECK (mentor_id != mentee_id)
      );
      CREATE UNIQUE INDEX pairs_one_active ON pairs(mentor_id, mentee_id) WHERE status = 'active';
      CREATE INDEX pairs_mentor ON pairs(mentor_id) WHERE status = 'active';
      CREATE INDEX pairs_mentee ON pairs(mentee_id) WHERE status = 'active';

      CREATE TABLE charter_drafts (
        pair_id TEXT PRIMARY KEY REFERENCES pairs(id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('form', 'chat', 'paused')),
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE charter_versions (
        pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('submitted', 'changes_requested', 'active', 'superseded')),
        submitted_at INTEGER NOT NULL,
        mentor_confirmed_at INTEGER,
        comment TEXT,
        PRIMARY KEY (pair_id, version)
      );

      CREATE TABLE milestones (
        id TEXT PRIMARY KEY,
        pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
        charter_version INTEGER NOT NULL,
        position INTEGER NOT NULL,
        description TEXT NOT NULL,
        due_date TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'met', 'partly', 'not_yet')),
        confirmed_at INTEGER,
        confirmed_by TEXT,
        note TEXT
      );
      CREATE INDEX milestones_pair ON milestones(pair_id);

      CREATE TABLE curator_alerts (
        id TEXT PRIMARY KEY,
        pair_id TEXT NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('open', 'snoozed', 'handled')),
        score INTEGER NOT NULL,
        reasons TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        snoozed_until INTEGER,
        action TEXT,
        handled_by TEXT,
        handled_at INTEGER,
        detail TEXT
      );
      CREATE UNIQUE INDEX curator_alerts_one_open ON curator_alerts(pair_id) WHERE status IN ('open', 'snoozed');
    `,
  },
  {
    version: 3,
    name: 'rosters: roles, study arm and invitation time of each person',
    sql: `
      ALTER TABLE participants ADD COLUMN roles TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE participants ADD COLUMN arm TEXT NOT NULL DEFAULT 'coached' CHECK (arm IN ('coached', 'control'));
      ALTER TABLE participants ADD COLUMN invited_at INTEGER;
      CREATE INDEX participants_email ON participants(platform, email);
      CREATE INDEX participants_program ON participants(program_id);
    `,
  },
  {
    version: 4,
    name: 'privacy: consent ledger, erasure marks, retention bookkeeping',
    sql: `
      CREATE TABLE consent_ledger (
        id INTEGER PRIMARY KEY,
        participant_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('requested', 'accepted', 'declined', 'opted_out', 'erased')),
        scope TEXT NOT NULL,
        channel TEXT NOT NULL
      );
      CREATE INDEX consent_ledger_person ON consent_ledger(participant_id, at);
      CREATE TRIGGER consent_ledger_no_update BEFORE UPDATE ON consent_ledger
        BEGIN SELECT RAISE(ABORT, 'the consent ledger is append-only'); END;
      ALTER TABLE participants ADD COLUMN erased_at INTEGER;
      CREATE INDEX nudge_responses_at ON nudge_responses(at);
      CREATE INDEX inbound_deliveries_at ON inbound_deliveries(received_at);
      CREATE INDEX outbox_sent_at ON outbox(sent_at) WHERE status = 'sent';
    `,
  },
  {
    version: 5,
    name: 'channel state: what a channel keeps for itself, with the person it is about, so erasure finds it',
    sql: `
      CREATE TABLE channel_state (
        platform TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        owner_workspace_id TEXT,
        owner_user_id TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (platform, key)
      );
      CREATE INDEX channel_state_owner ON channel_state(platform, owner_workspace_id, owner_user_id)
        WHERE owner_user_id IS NOT NULL;

      -- Teams kept its address book in meta under "teams.<kind>:<tenant>:<id>"; an empty value meant "forgotten".
      INSERT INTO channel_state (platform, key, value, owner_workspace_id, owner_user_id, updated_at)
        SELECT 'teams', substr(key, 7), value,
               substr(rest, 1, instr(rest, ':') - 1), substr(rest, instr(rest, ':') + 1), 0
        FROM (SELECT key, value, substr(key, instr(key, ':') + 1) AS rest FROM meta
              WHERE (key LIKE 'teams.reference:%' OR key LIKE 'teams.member:%') AND value != '');
      INSERT INTO channel_state (platform, key, value, updated_at)
        SELECT 'teams', substr(key, 7), value, 0 FROM meta WHERE key LIKE 'teams.tenant:%' AND value != '';
      -- Claimed curator channels, one entry per tenant.
      INSERT INTO channel_state (platform, key, value, updated_at)
        SELECT 'teams', 'curator_channel:' || claims.key, claims.value, 0
        FROM meta, json_each(meta.value) AS claims
        WHERE meta.key = 'teams.curator_channels' AND json_valid(meta.value);
      DELETE FROM meta WHERE key LIKE 'teams.%';
    `,
  },
  {
    version: 6,
    name: 'pilots: settings history, roster attributes, arm assignments with their seed, confounder notes, reviews',
    sql: `
      CREATE TABLE program_versions (
        program_id TEXT NOT NULL REFERENCES programs(id),
        version INTEGER NOT NULL,
        settings TEXT NOT NULL,
        applied_at INTEGER NOT NULL,
        PRIMARY KEY (program_id, version)
      );
      INSERT INTO program_versions (program_id, version, settings, applied_at)
        SELECT id, version, settings, updated_at FROM programs;

      ALTER TABLE participants ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';

      CREATE TABLE arm_assignments (
        participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        program_id TEXT NOT NULL REFERENCES programs(id),
        arm TEXT NOT NULL CHECK (arm IN ('coached', 'control')),
        method TEXT NOT NULL CHECK (method IN ('roster', 'randomized', 'staggered')),
        stratum TEXT NOT NULL,
        seed TEXT NOT NULL,
        control_percent INTEGER NOT NULL,
        batch INTEGER NOT NULL,
        assigned_at INTEGER NOT NULL,
        coaching_from TEXT,
        coached_at INTEGER
      );
      CREATE INDEX arm_assignments_program ON arm_assignments(program_id, batch);

      CREATE TABLE program_notes (
        id TEXT PRIMARY KEY,
        program_id TEXT NOT NULL REFERENCES programs(id),
        date TEXT NOT NULL,
        text TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        removed_by TEXT,
        removed_at INTEGER
      );
      CREATE INDEX program_notes_program ON program_notes(program_id, date);

      CREATE TABLE program_reviews (
        id INTEGER PRIMARY KEY,
        program_id TEXT NOT NULL REFERENCES programs(id),
        stage TEXT NOT NULL CHECK (stage IN ('mid')),
        at INTEGER NOT NULL
      );
      CREATE INDEX program_reviews_program ON program_reviews(program_id, stage, at);
    `,
  },
  {
    version: 7,
    name: 'matching: proposals curators review (approve, choose another, reject), with their reasons and alternatives',
    sql: `
      CREATE TABLE match_proposals (
        id TEXT PRIMARY KEY,
        review_id TEXT NOT NULL,
        program_id TEXT NOT NULL REFERENCES programs(id),
        mentee_id TEXT NOT NULL REFERENCES participants(id),
        mentor_id TEXT NOT NULL REFERENCES participants(id),
        fit INTEGER NOT NULL,
        reasons TEXT NOT NULL,
        alternatives TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'changed', 'rejected')),
        chosen_mentor_id TEXT REFERENCES participants(id),
        pair_id TEXT,
        decided_by TEXT,
        decided_by_name TEXT,
        decided_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX match_proposals_review ON match_proposals(review_id, created_at);
      CREATE INDEX match_proposals_program ON match_proposals(program_id, status);
      -- One open proposal per mentee: posting again does not ask twice.
      CREATE UNIQUE INDEX match_proposals_open ON match_proposals(mentee_id) WHERE status = 'open';

      -- A person's private "not with" list: never shown to anyone else, honoured by the matcher.
      CREATE TABLE not_with (
        owner_id TEXT NOT NULL REFERENCES participants(id),
        platform TEXT NOT NULL,
        workspace_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        name TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (owner_id, platform, workspace_id, user_id)
      );
      CREATE INDEX not_with_other ON not_with(platform, workspace_id, user_id);

      -- What a pair member said when the bot asked: "we're fine, we meet offline" (with a note) or "a new match".
      CREATE TABLE pair_voices (
        id INTEGER PRIMARY KEY,
        pair_id TEXT NOT NULL REFERENCES pairs(id),
        participant_id TEXT NOT NULL REFERENCES participants(id),
        kind TEXT NOT NULL CHECK (kind IN ('fine', 'new_match')),
        note TEXT,
        at INTEGER NOT NULL
      );
      CREATE INDEX pair_voices_pair ON pair_voices(pair_id, at);
    `,
  },
  {
    version: 8,
    name: 'languages: the person’s own choice, the roster’s, and the platform’s locale',
    sql: `
      ALTER TABLE participants ADD COLUMN language TEXT;
      ALTER TABLE participants ADD COLUMN roster_language TEXT;
      ALTER TABLE participants ADD COLUMN platform_locale TEXT;
    `,
  },
  {
    version: 9,
    name: 'pair check-ins: each member\'s answer to "did you meet?" per round of the charter\'s cadence',
    sql: `
      CREATE TABLE pair_checkins (
        pair_id TEXT NOT NULL REFERENCES pairs(id),
        round TEXT NOT NULL,
        participant_id TEXT NOT NULL REFERENCES participants(id),
        asked_at INTEGER NOT NULL,
        answer TEXT CHECK (answer IN ('met', 'not_yet', 'skip')),
        usefulness INTEGER CHECK (usefulness BETWEEN 1 AND 5),
        note TEXT,
        answered_at INTEGER,
        PRIMARY KEY (pair_id, round, participant_id)
      );
    `,
  },
  {
    version: 10,
    name: 'several replicas: a dispatch lease per workspace or tenant, and one heartbeat row per replica',
    sql: `
      CREATE TABLE dispatch_leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        until INTEGER NOT NULL
      );
      CREATE TABLE replica_heartbeats (
        replica TEXT PRIMARY KEY,
        last_pass_at INTEGER NOT NULL
      );
    `,
  },
];
