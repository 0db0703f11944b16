package cn.zuofeng.rectification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a person sees and clicks: our login, the ledger, Tasklist in Chinese, in a real browser. */
class TasklistBrowserIT extends ApplicationIT {

  private void signIn(Browser browser, String user) {
    browser.driver.get("http://localhost:" + port + "/login");
    browser.driver.findElement(By.id("username")).sendKeys(user);
    browser.driver.findElement(By.id("password")).sendKeys(Http.PASSWORD);
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    browser.wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
  }

  @Test
  void scriptInAProblemNeverRunsInOurPagesOrInTasklist() throws Exception {
    String title = "<img src=x onerror=alert(1)>窗口脸难看";
    var created = as("supervisor").post("/api/problems", Map.of("title", title,
        "description", "<script>alert(2)</script>群众反映", "source", "PUBLIC_COMPLAINT",
        "category", "SERVICE_EFFICIENCY", "discoveredOn", TODAY.toString()));
    String number = created.json().path("number").asText();
    String task = taskId("supervisor", number, "UserTask_ReviewAndAssign");

    try (Browser browser = Browser.open()) {
      signIn(browser, "supervisor");
      browser.driver.get("http://localhost:" + port + "/ledger/" + number);
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), number));
      assertThat(browser.alertShown()).isFalse();
      assertThat(browser.driver.findElement(By.tagName("h2")).getText()).contains(title);
      browser.screenshot("ledger-problem-with-script");

      browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), number));
      assertThat(browser.alertShown()).as("no script from the problem ran in the Tasklist form").isFalse();
      assertThat(browser.driver.findElement(By.cssSelector(".fjs-container")).getText()).contains("审核结论", "立项交办");
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).as("Tasklist speaks Chinese").contains("认领", "表单");
      browser.screenshot("tasklist-review-form-with-script");
    }
  }

  @Test
  void unitMemberClaimsAndCompletesTheRectificationInTasklist() throws Exception {
    String number = register("办事指南更新不及时");
    assertThat(complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of(
        "reviewDecision", "ASSIGN", "unitCode", "xzfw", "severity", "GENERAL", "rectificationType", "IMMEDIATE")).status())
        .isEqualTo(204);
    String task = taskId("xzfw-wu", number, "UserTask_Rectify");

    try (Browser browser = Browser.open()) {
      signIn(browser, "xzfw-wu");
      browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-form]"), number));
      browser.screenshot("tasklist-rectify-before-claim");
      browser.claim();
      browser.fill(By.id("measures"), "逐项核对办事指南并在网上公示");
      browser.fill(By.id("result"), "已更新 27 项，建立季度核查机制");
      java.nio.file.Path evidence = java.nio.file.Files.createTempFile("整改报告", ".pdf");
      java.nio.file.Files.writeString(evidence, "%PDF-1.4 整改报告");
      browser.driver.findElement(By.name("evidence1")).sendKeys(evidence.toAbsolutePath().toString());
      browser.screenshot("tasklist-rectify-filled");
      browser.click(browser.driver.findElement(By.cssSelector("button[ng-click='complete()']")));
      try {
        browser.wait.until(d -> "PENDING_ACCEPTANCE".equals(
            as("supervisor").get("/api/problems/" + number).json().path("problem").path("state").asText()));
      } finally {
        browser.screenshot("tasklist-rectify-after-complete");
      }
      browser.wait.until(d -> "PENDING_ACCEPTANCE".equals(
          as("supervisor").get("/api/problems/" + number).json().path("problem").path("state").asText()));
      browser.screenshot("tasklist-rectify-completed");
    }
    var problem = as("supervisor").get("/api/problems/" + number).json().path("problem");
    assertThat(problem.path("measures").asText()).isEqualTo("逐项核对办事指南并在网上公示");
    assertThat(problem.path("owner").asText()).isEqualTo("xzfw-wu");
    var files = as("supervisor").get("/api/problems/" + number).json().path("evidence");
    assertThat(files.size()).as("the attached file is kept as evidence").isEqualTo(1);
    assertThat(files.get(0).path("fileName").asText()).startsWith("整改报告").endsWith(".pdf");
    assertThat(taskId("xzfw-wu", number, "UserTask_Rectify")).as("the task left the unit's list").isNull();

    // the supervisor's acceptance form shows where the problem stands and downloads the evidence itself
    try (Browser browser = Browser.open()) {
      signIn(browser, "supervisor");
      openAndClaim(browser, taskId("supervisor", number, "UserTask_AcceptRectification"), number);
      var form = browser.driver.findElement(By.cssSelector("[cam-tasklist-form]"));
      browser.wait.until(ExpectedConditions.textToBePresentInElement(form, "督办级别"));
      assertThat(form.getText()).contains("逾期情况：未逾期", "督办级别：未督办");
      var link = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//*[@cam-tasklist-form]//a[starts-with(normalize-space(.), '整改报告')]")));
      browser.screenshot("tasklist-accept-with-evidence-link");
      String href = link.getAttribute("href");
      assertThat(href).contains("/ledger/" + number + "/evidence/" + files.get(0).path("id").asText());
      var download = as("supervisor").get(java.net.URI.create(href).getPath());
      assertThat(download.status()).isEqualTo(200);
      assertThat(download.body()).isEqualTo("%PDF-1.4 整改报告");
    }
  }

  @Test
  void anAdministratorAddsADayOffOnTheCalendarPage(
      @org.springframework.beans.factory.annotation.Autowired cn.zuofeng.rectification.calendar.WorkingDayCalendar calendar)
      throws Exception {
    java.time.LocalDate day = java.time.LocalDate.of(2097, 10, 8);
    try (Browser browser = Browser.open()) {
      signIn(browser, "admin");
      browser.driver.findElement(By.linkText("工作日历")).click();
      var form = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.extension")));
      ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
          "arguments[0].value = arguments[1]", form.findElement(By.name("date")), day.toString());
      new org.openqa.selenium.support.ui.Select(form.findElement(By.name("working"))).selectByVisibleText("放假");
      form.findElement(By.name("name")).sendKeys("国庆节");
      browser.screenshot("calendar-day-filled");
      form.findElement(By.cssSelector("button[type=submit]")).click();
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "已保存"));
      assertThat(browser.driver.findElement(By.tagName("table")).getText()).contains(day.toString(), "星期二", "放假", "国庆节");
      browser.screenshot("calendar-day-saved");
      assertThat(calendar.isWorkingDay(day)).as("counts at once").isFalse();
    } finally {
      calendar.removeOverride(day);
    }
    try (Browser browser = Browser.open()) {
      signIn(browser, "fgw-qian");
      browser.driver.get("http://localhost:" + port + "/calendar");
      assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("已载入节假日安排的年份", "2026");
      assertThat(browser.driver.findElements(By.cssSelector("form.extension"))).as("read-only for units").isEmpty();
      browser.screenshot("calendar-unit-member");
    }
  }

  @Test
  void unitMemberAsksForMoreTimeOnTheProblemPageAndTheSupervisorsGetTheDecision() throws Exception {
    String number = register("老旧设备更新滞后");
    complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of(
        "reviewDecision", "ASSIGN", "unitCode", "fgw", "severity", "GENERAL", "rectificationType", "TIME_LIMITED"));
    String deadline = as("supervisor").get("/api/problems/" + number).json().path("problem").path("deadline").asText();
    String requested = java.time.LocalDate.parse(deadline).plusDays(20).toString();

    try (Browser browser = Browser.open()) {
      signIn(browser, "fgw-qian");
      browser.driver.get("http://localhost:" + port + "/ledger/" + number);
      var form = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.extension")));
      // the date input takes the browser's own format; set it the way a date picker does
      ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
          "arguments[0].value = arguments[1]", form.findElement(By.name("requestedDeadline")), requested);
      form.findElement(By.name("reason")).sendKeys("设备招标需走政府采购程序");
      browser.screenshot("ledger-extension-request-filled");
      form.findElement(By.cssSelector("button[type=submit]")).click();
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "延期申请已提交"));
      assertThat(browser.driver.findElement(By.tagName("main")).getText())
          .contains("延期申请", requested, "设备招标需走政府采购程序", "待审批");
      assertThat(browser.driver.findElements(By.cssSelector("form.extension"))).as("one request at a time").isEmpty();
      browser.screenshot("ledger-extension-requested");
    }
    assertThat(taskId("supervisor", number, "UserTask_DecideExtension")).as("the supervisors decide it").isNotNull();
  }

  /** Opens a task in Tasklist, claims it and waits for its form. */
  private void openAndClaim(Browser browser, String task, String number) throws InterruptedException {
    browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-form]"), number));
    browser.claim();
  }

  /** Picks a radio option and makes sure the choice stays (see {@link Browser#fill}). */
  private void choose(Browser browser, String option) throws InterruptedException {
    By label = By.xpath("//label[normalize-space(.)='" + option + "']");
    By radio = By.xpath("//label[normalize-space(.)='" + option + "']//input | //label[normalize-space(.)='" + option
        + "']/preceding-sibling::input[1] | //input[@id=//label[normalize-space(.)='" + option + "']/@for]");
    for (int attempt = 0; attempt < 10; attempt++) {
      browser.click(browser.wait.until(ExpectedConditions.elementToBeClickable(label)));
      Thread.sleep(500);
      var inputs = browser.driver.findElements(radio);
      if (inputs.isEmpty() || inputs.get(0).isSelected()) {
        return;
      }
    }
    throw new AssertionError("the option " + option + " does not stay chosen");
  }

  private void completeAndWait(Browser browser, String number, String expectedState) {
    browser.click(browser.driver.findElement(By.cssSelector("button[ng-click='complete()']")));
    browser.wait.until(d -> expectedState.equals(
        as("supervisor").get("/api/problems/" + number).json().path("problem").path("state").asText()));
  }

  @Test
  void rejectionReasonReachesTheUnitAndTheLeaderClosesTheProblemOut() throws Exception {
    String number = register("公开承诺事项未兑现");
    complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of(
        "reviewDecision", "ASSIGN", "unitCode", "zjj", "severity", "GENERAL", "rectificationType", "TIME_LIMITED"));
    complete("zjj-sun", taskId("zjj-sun", number, "UserTask_Rectify"), Map.of("measures", "梳理承诺事项", "result", "已兑现 3 项"));

    try (Browser browser = Browser.open()) {
      signIn(browser, "supervisor");
      openAndClaim(browser, taskId("supervisor", number, "UserTask_AcceptRectification"), number);
      choose(browser, "退回整改");
      browser.fill(By.xpath("//label[contains(., '退回理由')]/following::textarea[1]"), "请说明剩余 2 项的兑现时间");
      browser.screenshot("tasklist-accept-reject");
      completeAndWait(browser, number, "RECTIFYING");
    }
    try (Browser browser = Browser.open()) {
      signIn(browser, "zjj-sun");
      browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task="
          + taskId("zjj-sun", number, "UserTask_Rectify"));
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-warning"),
          "请说明剩余 2 项的兑现时间"));
      browser.screenshot("tasklist-rectify-shows-rejection-reason");
    }
    complete("zjj-sun", taskId("zjj-sun", number, "UserTask_Rectify"), Map.of("measures", "补充兑现计划", "result", "已全部兑现"));
    complete("supervisor", taskId("supervisor", number, "UserTask_AcceptRectification"), Map.of("acceptanceDecision", "ACCEPT"));

    try (Browser browser = Browser.open()) {
      signIn(browser, "leader");
      openAndClaim(browser, taskId("leader", number, "UserTask_ApproveCloseOut"), number);
      choose(browser, "同意销号");
      browser.screenshot("tasklist-close-out");
      completeAndWait(browser, number, "CLOSED");
      browser.driver.get("http://localhost:" + port + "/ledger/" + number);
      assertThat(browser.driver.findElement(By.tagName("h2")).getText()).contains("已销号");
      browser.screenshot("ledger-closed-out");
    }
  }

  @Test
  void anotherUnitSeesNothingOfTheTaskAndTheAuditorReadsItsHistoryInCockpit() throws Exception {
    String number = register("执法记录仪未按规定使用");
    complete("supervisor", taskId("supervisor", number, "UserTask_ReviewAndAssign"), Map.of(
        "reviewDecision", "ASSIGN", "unitCode", "scj", "severity", "SERIOUS", "rectificationType", "IMMEDIATE"));

    try (Browser browser = Browser.open()) {
      signIn(browser, "fgw-zhao");
      var filters = as("fgw-zhao").get("/engine-rest/filter?resourceType=Task&maxResults=50").json();
      assertThat(filters.size()).isGreaterThanOrEqualTo(4);
      for (var filter : filters) {
        browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + filter.path("id").asText());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), filter.path("name").asText()));
        Thread.sleep(1000); // the list of the chosen filter loads after the page
        assertThat(browser.driver.findElement(By.tagName("body")).getText())
            .as("filter %s of another unit", filter.path("name").asText()).doesNotContain("执法记录仪未按规定使用");
      }
      browser.screenshot("tasklist-other-unit-filters");
    }
    try (Browser browser = Browser.open()) {
      // the same page shows the task to its own unit: the check above is not blind
      signIn(browser, "scj-zhou");
      String unitQueue = as("scj-zhou").get("/engine-rest/filter?resourceType=Task&maxResults=50&name=本单位待认领").json()
          .get(0).path("id").asText();
      browser.driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=" + unitQueue);
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "执法记录仪未按规定使用"));
      browser.screenshot("tasklist-own-unit-queue");
    }

    String instance = as("supervisor").get("/api/problems/" + number).json().path("problem").path("processInstanceId").asText();
    try (Browser browser = Browser.open()) {
      signIn(browser, "auditor");
      browser.driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), number));
      assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("问题整改闭环");
      browser.screenshot("cockpit-auditor-instance");
    }
  }
}
