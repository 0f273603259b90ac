package org.jkeras.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * One call of an operation on symbolic tensors: its input tensors and the output tensors it made.
 * Creating a node registers it as the operation's next inbound node (so calls are numbered 0, 1,
 * ...), stamps the outputs' histories, and adds it to the outbound nodes of each input's producer.
 * Layers never store edges themselves; this is what lets one layer be shared.
 */
public final class Node {
  private final Operation operation;
  private final List<KerasTensor> inputs;
  private final List<KerasTensor> outputs;
  private final int index;

  /** Records a call of {@code operation} that made {@code outputs} from {@code inputs}. */
  public Node(Operation operation, List<KerasTensor> inputs, List<KerasTensor> outputs) {
    this(operation, inputs, outputs, true);
  }

  private Node(Operation operation, List<KerasTensor> inputs, List<KerasTensor> outputs,
      boolean link) {
    this.operation = operation;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.index = operation.addInboundNode(this);
    if (!link) {
      return;
    }
    for (int i = 0; i < outputs.size(); i++) {
      outputs.get(i).setHistory(new KerasHistory(operation, index, i));
    }
    for (KerasTensor in : inputs) {
      if (in.history() != null) {
        in.history().operation().addOutboundNode(this);
      }
    }
  }

  /**
   * The node a functional model owns from its construction (node 0): it spans the model's inputs
   * and outputs but leaves their histories pointing at the layers inside, which made them.
   */
  public static Node ofConstruction(
      Operation model, List<KerasTensor> inputs, List<KerasTensor> outputs) {
    return new Node(model, inputs, outputs, false);
  }

  public Operation operation() {
    return operation;
  }

  /** This node's number among its operation's inbound nodes. */
  public int index() {
    return index;
  }

  public List<KerasTensor> inputs() {
    return inputs;
  }

  public List<KerasTensor> outputs() {
    return outputs;
  }

  /** True for the node of an input layer, which has no inputs. */
  public boolean isInput() {
    return inputs.isEmpty();
  }

  /** The nodes that produced this node's inputs. */
  public List<Node> parentNodes() {
    List<Node> parents = new ArrayList<>();
    for (KerasTensor in : inputs) {
      if (in.history() != null) {
        parents.add(in.history().node());
      }
    }
    return parents;
  }

  @Override
  public String toString() {
    return "Node(" + operation.name() + "[" + index + "])";
  }
}
