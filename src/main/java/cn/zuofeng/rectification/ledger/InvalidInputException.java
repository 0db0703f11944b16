package cn.zuofeng.rectification.ledger;

import java.util.List;
import java.util.stream.Collectors;

/** Input that the ledger refuses; nothing has been written. */
public class InvalidInputException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::message).collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
