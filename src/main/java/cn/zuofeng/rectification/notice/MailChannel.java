package cn.zuofeng.rectification.notice;

import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Mail, on when {@code spring.mail.host} is set (Spring Boot then provides the
 * {@link JavaMailSender}). One message per notice to every Camunda user of the addressee (the group's
 * members, or the user) that has an e-mail address, resolved when it is sent.
 */
@Component
@Order(1)
class MailChannel implements NoticeChannel {

  static final String NAME = "EMAIL";

  private final JavaMailSender sender;
  private final IdentityService identity;
  private final NoticeProperties.Mail settings;

  MailChannel(ObjectProvider<JavaMailSender> sender, IdentityService identity, NoticeProperties properties) {
    this.sender = sender.getIfAvailable();
    this.identity = identity;
    this.settings = properties.mail();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean enabled() {
    return sender != null;
  }

  @Override
  public String recipientOf(StoredNotice notice) {
    return notice.addressee();
  }

  @Override
  public String send(StoredNotice notice) throws Exception {
    List<String> addresses = addressesOf(notice.addressee());
    if (addresses.isEmpty()) {
      return null;
    }
    MimeMessage message = sender.createMimeMessage();
    var mail = new MimeMessageHelper(message, false, "UTF-8");
    mail.setFrom(settings.from(), settings.senderName());
    mail.setTo(addresses.toArray(String[]::new));
    mail.setSubject(notice.title());
    mail.setText(text(notice), false);
    message.setHeader("X-Notice-Key", notice.key());
    sender.send(message);
    return String.join(", ", addresses);
  }

  static String text(StoredNotice notice) {
    var text = new StringBuilder(notice.body()).append("\n\n");
    text.append("通知类别：").append(notice.kind().label()).append('\n');
    if (notice.problemNumber() != null) {
      text.append("问题编号：").append(notice.problemNumber()).append('\n');
    }
    return text.append("\n本邮件由问题整改闭环系统自动发送，请登录系统查看和办理，勿直接回复。").toString();
  }

  /**
   * The e-mail addresses of the addressee: a group's members, else the user. Runs on the dispatcher's
   * thread, where no user is signed in to the engine, so Camunda's authorizations do not filter it.
   */
  private List<String> addressesOf(String addressee) {
    Set<String> addresses = new LinkedHashSet<>();
    for (User member : identity.createUserQuery().memberOfGroup(addressee).orderByUserId().asc().listPage(0, 1000)) {
      addIfPresent(addresses, member);
    }
    if (addresses.isEmpty()) {
      User user = identity.createUserQuery().userId(addressee).singleResult();
      if (user != null) {
        addIfPresent(addresses, user);
      }
    }
    return List.copyOf(addresses);
  }

  private static void addIfPresent(Set<String> addresses, User user) {
    if (user.getEmail() != null && !user.getEmail().isBlank()) {
      addresses.add(user.getEmail().trim());
    }
  }
}
