;; The decoder of the wasm text (src/js/wasm.js): UTF-8 bytes of the text in, the wasm bytes out.
;; d(len, map, out): reads `len` bytes at 0 (characters U+0000-U+00FF: one or two UTF-8 bytes),
;; maps each character through the 256-byte table at `map` (the swapped pairs), writes the bytes
;; at `out`, returns how many. Built into src/js/wasm.js as bytes; tests/js/loading.test.mjs
;; checks those bytes are what binaryen makes of this text.
(module
  (import "m" "m" (memory 1))
  (func (export "d") (param $len i32) (param $map i32) (param $out i32) (result i32)
    (local $i i32) (local $o i32) (local $b i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (local.get $i)))
        (if (i32.ge_u (local.get $b) (i32.const 128))
          (then
            (local.set $b (i32.or
              (i32.shl (i32.and (local.get $b) (i32.const 31)) (i32.const 6))
              (i32.and (i32.load8_u offset=1 (local.get $i)) (i32.const 63))))
            (local.set $i (i32.add (local.get $i) (i32.const 2))))
          (else (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (i32.store8 (i32.add (local.get $out) (local.get $o))
          (i32.load8_u (i32.add (local.get $map) (local.get $b))))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (br $next)))
    (local.get $o)))
