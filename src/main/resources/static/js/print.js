// 打印 buttons (the pages' security policy allows no inline scripts)
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
