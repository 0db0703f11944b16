package cn.zuofeng.rectification.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven through its own chromedriver (nothing is downloaded). CI
 * installs both (.ci/run); on a machine without them the browser tests are skipped with a note,
 * except under CI, where a missing browser fails the build.
 */
final class Browser implements AutoCloseable {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  static Browser open() throws IOException {
    boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!installed && System.getenv("CI") != null) {
      throw new IllegalStateException("CI needs chromium and chromium-driver (apt-get install chromium chromium-driver)");
    }
    Assumptions.assumeTrue(installed, "未安装 chromium / chromium-driver，跳过浏览器测试（apt-get install chromium chromium-driver）");
    Path profile = Files.createTempDirectory("chromium-profile");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=zh-CN", "--window-size=1400,1000", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  /** Clicks like a person who first scrolls the element into the middle of the window. */
  void click(org.openqa.selenium.WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /**
   * Types into a field and makes sure the text stays: Tasklist re-renders the form once a claim
   * has gone through, which would silently drop what was typed before.
   */
  void fill(org.openqa.selenium.By field, String text) throws InterruptedException {
    for (int attempt = 0; attempt < 10; attempt++) {
      var element = wait.until(ExpectedConditions.elementToBeClickable(field));
      element.clear();
      element.sendKeys(text);
      Thread.sleep(500); // long enough for a pending re-render to replace the field
      try {
        if (text.equals(driver.findElement(field).getDomProperty("value"))) {
          return;
        }
      } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
        // re-rendered: type again
      }
    }
    throw new AssertionError("the field " + field + " does not keep its text");
  }

  /** Claims the open task and waits until Tasklist shows it as the user's. */
  void claim() {
    click(wait.until(ExpectedConditions.elementToBeClickable(org.openqa.selenium.By.cssSelector(".claim"))));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(org.openqa.selenium.By.cssSelector(".claim")));
  }

  /** True when a JavaScript dialog (alert/confirm/prompt) is open: user text ran as script. */
  boolean alertShown() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException none) {
      return false;
    }
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    org.springframework.util.FileSystemUtils.deleteRecursively(profile);
  }
}
