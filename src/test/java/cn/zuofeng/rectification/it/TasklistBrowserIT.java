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
      browser.click(browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".claim"))));
      browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("measures"))).sendKeys("逐项核对办事指南并在网上公示");
      browser.driver.findElement(By.id("result")).sendKeys("已更新 27 项，建立季度核查机制");
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
    assertThat(taskId("xzfw-wu", number, "UserTask_Rectify")).as("the task left the unit's list").isNull();
  }
}
