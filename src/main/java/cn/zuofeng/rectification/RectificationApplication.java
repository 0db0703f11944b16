package cn.zuofeng.rectification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RectificationApplication {

  public static void main(String[] args) {
    SpringApplication.run(RectificationApplication.class, args);
  }
}
