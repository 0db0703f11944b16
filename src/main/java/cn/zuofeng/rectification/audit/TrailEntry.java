package cn.zuofeng.rectification.audit;

import java.time.OffsetDateTime;

/**
 * One line of a problem's audit trail: when, who (id, name, unit or role), what (in Chinese),
 * the details (form values, reasons, changed properties), at which BPMN step, and from where
 * (台账 = the ledger's event log, 流程 = the engine's history).
 */
public record TrailEntry(OffsetDateTime time, String actor, String actorName, String role, String action,
                         String details, String activityId, String source) {}
