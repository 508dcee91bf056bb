"""Demo plans: a small, believable company plan to explore, and a large one to benchmark.

from planner.demo import build_demo
build_demo("demo.smplan")                             # the small showcase plan
build_demo("large.smplan", size="large", seed=7)      # ARCHITECTURE.md's benchmark plan
"""

from planner.demo.build import DemoSize, build_demo

__all__ = ["DemoSize", "build_demo"]
