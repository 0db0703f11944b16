package cn.zuofeng.rectification.security;

import cn.zuofeng.rectification.ledger.InvalidInputException;
import cn.zuofeng.rectification.ledger.Unit;
import cn.zuofeng.rectification.ledger.UnitDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a responsible unit: its ledger entry and its Camunda group {@code unit-<code>}, in one
 * transaction. Members are then added to the group in Camunda Admin; the engine grants them the
 * unit's tasks through the candidate group, nothing else is needed.
 */
@Service
public class UnitOnboarding {

  private final UnitDirectory units;
  private final IdentityService identity;
  private final TasklistFilters filters;

  UnitOnboarding(UnitDirectory units, IdentityService identity, TasklistFilters filters) {
    this.units = units;
    this.identity = identity;
    this.filters = filters;
  }

  @Transactional
  public Unit add(String code, String name) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidInputException("name", "请填写单位名称（不超过100字）");
    }
    Unit unit = units.save(new Unit(code == null ? "" : code.strip(), name.strip()));
    if (identity.createGroupQuery().groupId(unit.groupId()).count() == 0) {
      Group group = identity.newGroup(unit.groupId());
      group.setName(unit.name());
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
    filters.grantUnit(unit.groupId());
    return unit;
  }
}
