package cn.zuofeng.rectification.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user as the application sees it: id, groups, and which units' problems they see. */
public record CurrentUser(String id, List<String> groups) {

  private static final Set<String> SEE_ALL = Set.of(Groups.SUPERVISORS, Groups.LEADERS, Groups.AUDITORS, Groups.ADMIN);

  public static CurrentUser get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      throw new IllegalStateException("no signed-in user");
    }
    return new CurrentUser(authentication.getName(), groupsOf(authentication));
  }

  static List<String> groupsOf(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(Groups.AUTHORITY_PREFIX))
        .map(a -> a.substring(Groups.AUTHORITY_PREFIX.length()))
        .toList();
  }

  public boolean isMemberOf(String group) {
    return groups.contains(group);
  }

  /** Unit codes whose problems this user may see; null when the user may see every problem. */
  public Set<String> visibleUnits() {
    if (groups.stream().anyMatch(SEE_ALL::contains)) {
      return null;
    }
    return groups.stream()
        .filter(g -> g.startsWith(Groups.UNIT_PREFIX))
        .map(g -> g.substring(Groups.UNIT_PREFIX.length()))
        .collect(Collectors.toSet());
  }
}
